# Evidence: about_Pwsh (-WorkingDirectory: "the initial working directory … at startup") and
# ConsoleHost.DoRunspaceInitialization at v7.6.5: Set-Location -LiteralPath runs first; when it
# fails its error is shown and the command still runs. A -File path is resolved before the
# working directory changes (CommandLineParameterParser.ParseFile normalizes it at once).
mkdir -p 'sub dir'
echo '"script in " + (Split-Path -Leaf $PSScriptRoot) + ", running in " + (Split-Path -Leaf (Get-Location).Path)' > where.ps1
teamsh -WorkingDirectory 'sub dir' -Command '(Get-Location).Path'; echo "exit $?"
teamsh -wd 'sub dir' -File ./where.ps1; echo "exit $?"
teamsh -wd ./no-such-folder -c '"still runs"'; echo "exit $?"
