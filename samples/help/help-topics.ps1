# Evidence: Get-Help's behaviour in pwsh 7.6 (the about_Command_Help and Get-Help reference):
# a name with wildcards lists the matching commands and topics as HelpInfoShort objects shown
# in the "help" table view (Help_format_ps1xml.cs: Name 33, Category 9, Module 25, Synopsis),
# one match shows that topic, about_ topics print their text; the topics are teamsh's own
# (about_teamsh and the ones a trainer needs), written for it.
Get-Help about_Teams*
Get-Help about_Splatting
(Get-Help about_* | Measure-Object).Count -ge 8
Get-Help *-CsGroupPolicyAssignment | Select-Object Name, Category, ModuleName
Get-Help about_NoSuchTopic
Get-Help Get-*Zzz*
