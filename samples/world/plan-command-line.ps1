# The command line of -Plan: -Command text as well as a file (script arguments after the file),
# -CommandWithArgs, piped input as $input, -OutputFormat Text, and what is refused with exit code
# 64 (no script, XML or -NoExit with -Plan; Json without -Plan is not a format, as in pwsh), each
# with the first line of its message.
# Evidence: teamsh's own rules (README "Plan a change before you make it"); exit code 64 for a
# command line teamsh cannot use, as the other flags; pwsh's BadFormatParameterValue
# (CommandLineParameterParserStrings.resx) for Json without -Plan.
$teamsh = [Environment]::ProcessPath
& $teamsh -Plan -OutputFormat Text -Command 'Connect-MicrosoftTeams | Out-Null; Set-CsTeamsFeedbackPolicy -Identity Global -AllowEmailCollection $true'
"exit code: $LASTEXITCODE"
Set-Content ./grant.ps1 'param($User, $Policy) Connect-MicrosoftTeams | Out-Null; Grant-CsTeamsMeetingPolicy -Identity $User -PolicyName $Policy; "granted $Policy"'
& $teamsh -Plan ./grant.ps1 -User KenMyer@contoso.com -Policy AllOn
"exit code: $LASTEXITCODE"
& $teamsh -Plan -c 'exit 3' | Select-Object -Last 1
"exit code: $LASTEXITCODE"
& $teamsh -Plan -CommandWithArgs 'Connect-MicrosoftTeams | Out-Null; Grant-CsTeamsMeetingPolicy -Identity $args[0] -PolicyName $args[1]' KenMyer@contoso.com Kiosk
"exit code: $LASTEXITCODE"
'Lobby', 'Desk' | & $teamsh -Plan -c 'Connect-MicrosoftTeams | Out-Null; $input | ForEach-Object { New-CsTeamsChannelsPolicy -Identity $_ } | Out-Null'
"exit code: $LASTEXITCODE"
foreach ($arguments in @(@('-Plan'), @('-OutputFormat', 'Json', './grant.ps1'), @('-Plan', '-OutputFormat', 'XML', './grant.ps1'),
                         @('-Plan', '-NoExit', './grant.ps1'))) {
    # The first line of standard error (2>&1 makes its lines ErrorRecords); all of it is read
    # first, as Select-Object -First would stop teamsh before it exits.
    $output = & $teamsh @arguments 2>&1
    $first = $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1
    "teamsh $($arguments -join ' '): exit code $LASTEXITCODE, $first"
}
