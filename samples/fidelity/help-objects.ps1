# Evidence: ScriptHelp.Tests.ps1 at v7.6.5 (what Get-Help returns for comment-based help:
# .Synopsis, .Description[0].Text, .alertSet.alert, .relatedLinks.navigationLink uri/linkText,
# .examples.example introduction/code/remarks with 5 remarks paragraphs, .inputTypes,
# .returnValues, .Component/.Role/.Functionality, .parameters.parameter globbing/defaultValue,
# .syntax.syntaxItem.parameter position "named" and no parameterValue for a switch in syntax)
# and HelpCommands.cs (-Detailed/-Full/-Examples add "<type>#<View>" in front of each type name).
function Get-Report {
    <#
    .SYNOPSIS
        Builds the weekly report.

    .DESCRIPTION
        Reads the log.

            Indented lines keep their extra indentation.

    .PARAMETER Week
        The week number.

    .EXAMPLE
        PS> Get-Report -Week 3
        report-3.txt

        Builds week 3.

    .EXAMPLE
        Get-Report 4

    .INPUTS
        None.

    .OUTPUTS
        System.String

    .NOTES
        Runs on Mondays.

    .LINK
        https://example.com/report

    .LINK
        about_Reports

    .COMPONENT
        Reporting
    #>
    param([int] $Week = 1, [switch] $Draft, [SupportsWildcards()] $Filter)
}
$h = Get-Help Get-Report
$h.Name; $h.Category; $h.Synopsis
$h.Description[0].Text
$h.alertSet.alert[0].Text
$h.relatedLinks.navigationLink[0].uri
$h.relatedLinks.navigationLink[1].linkText
"intro [$($h.examples.example[0].introduction[0].Text)] code [$($h.examples.example[0].code)]"
"remarks [$($h.examples.example[0].remarks[0].Text)] count $($h.examples.example[0].remarks.Count)"
"intro [$($h.examples.example[1].introduction[0].Text)] code [$($h.examples.example[1].code)]"
$h.inputTypes.inputType.type.name
$h.returnValues.returnValue.type.name
"component [$($h.Component)] role [$($h.Role)]"
$h.parameters.parameter | ForEach-Object { '{0} {1} default [{2}] globbing {3} position {4}' -f $_.name, $_.type.name, $_.defaultValue, $_.globbing, $_.position }
$s = $h.syntax.syntaxItem.parameter
"switch in syntax: position $($s[1].position), value [$($s[1].parameterValue)]"
"switch in parameters: value [$($h.parameters.parameter[1].parameterValue)]"
$h.pstypenames -join ', '
(Get-Help Get-Report -Full).pstypenames -join ', '
(Get-Help Get-Report -Examples).pstypenames[0]
