# Evidence: about_Parameters_Default_Values (keys "CmdletName:ParameterName" with wildcards,
# script-block values, Disabled); pwsh's CmdletParameterBinderController.cs at v7.6.5
# (defaults bind after the command line, only to parameters not given and of a still-possible
# parameter set, to cmdlets and advanced functions, not simple functions; a bad key is removed
# with a warning, as is a default that fails to bind) and ParameterBinderStrings.resx for the
# warning texts; $PSBoundParameters lists a parameter bound from a default.
$when = [datetime]'2024-03-05 14:07:09'
$PSDefaultParameterValues['Get-Date:Format'] = 'yyyy-MM-dd'
Get-Date -Date $when
Get-Date -Date $when -Format 'HH:mm'
function Get-Greeting {
    [CmdletBinding()]
    param([string]$Name = 'world', [string]$Punctuation = '.')
    "Hello, $Name$Punctuation  (bound: $($PSBoundParameters.Keys -join ','))"
}
function Get-PlainGreeting { param([string]$Name = 'world') "Hi, $Name" }
$PSDefaultParameterValues['Get-Greeting:Name'] = 'admin'
$PSDefaultParameterValues['*-*Greeting:Punctuation'] = { '!' }
Get-Greeting
Get-Greeting -Name trainer
Get-PlainGreeting
$PSDefaultParameterValues['Disabled'] = $true
Get-Greeting
$PSDefaultParameterValues.Remove('Disabled')
$PSDefaultParameterValues['NoColonHere'] = 1
Get-Date -Date $when 3>&1
$PSDefaultParameterValues.ContainsKey('NoColonHere')
$PSDefaultParameterValues['Get-Date:Year'] = 'not a number'
Get-Date -Date $when 3>&1
$PSDefaultParameterValues.Clear()
(Get-Date -Date $when).Year
