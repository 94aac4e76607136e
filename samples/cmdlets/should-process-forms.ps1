# Evidence: pwsh's MshCommandRuntime.DoShouldProcess at v7.6.5 (-WhatIf writes "What if: "
# and the description; without a prompt due the call returns true, first writing the
# description as a verbose message when the command itself got -Verbose; the one-argument
# and two-argument forms describe "Performing the operation "ACTION" on target "TARGET".",
# CommandBaseStrings.resx; the three-argument form takes the description as given);
# ShouldContinue always prompts, which a non-interactive session refuses (the oracle's
# should-process-confirm-noninteractive case has the text); VariableCommandStrings.resx and
# AliasCommandStrings.resx for the variable and alias cmdlets' actions and targets.
function Reset-Widget {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess("Resetting widget '$Name' to factory settings.", "Reset widget '$Name'?", 'Reset')) {
        "reset $Name"
    }
}
Reset-Widget -Name w1 -WhatIf
Reset-Widget -Name w2
function Remove-Widget {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Remove widget')) { "removed $Name" }
}
Remove-Widget -Name w3 -Verbose
Remove-Widget -Name w4 -WhatIf -Verbose
function Stop-Widget {
    [CmdletBinding()]
    param()
    try {
        if ($PSCmdlet.ShouldContinue('Stop every widget?', 'Stop')) { 'stopped' }
    } catch {
        $_.Exception.InnerException.Message
    }
}
Stop-Widget
$answer = 42
Set-Variable -Name answer -Value 7 -WhatIf
New-Variable -Name fresh -Value 1, 2 -WhatIf
Remove-Variable -Name answer -WhatIf
Clear-Variable -Name answer -WhatIf
$answer
Test-Path variable:fresh
New-Alias -Name now -Value Get-Date -WhatIf
Test-Path alias:now
