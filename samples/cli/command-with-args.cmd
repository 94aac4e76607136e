# Evidence: about_Pwsh (-CommandWithArgs, -cwa: "Executes a PowerShell command with arguments.
# Unlike -Command, this parameter populates the $args built-in variable"; its example
# `pwsh -CommandWithArgs '$args | % { "arg: $_" }' arg1 arg2`) and CollectPSArgs at v7.6.5
# (`-Name:value` binds a parameter, `-Name:$false` is a Boolean).
teamsh -CommandWithArgs '$args | % { "arg: $_" }' arg1 arg2; echo "exit $?"
teamsh -cwa 'param($Name, [switch]$Loud) if ($Loud) { "HELLO $Name" } else { "hello $Name" }' -Name World -Loud; echo "exit $?"
teamsh -cwa 'param([switch]$Loud) "loud: $Loud"' -Loud:$false; echo "exit $?"
