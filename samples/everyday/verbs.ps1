# Evidence: Get-Verb (cmdlet reference; GetVerbCommand.cs and Verbs.cs at v7.6.5: the approved
# verbs of VerbsCommon, VerbsCommunications, VerbsData, VerbsDiagnostic, VerbsLifecycle,
# VerbsSecurity and VerbsOther in declaration order, each a VerbInfo with Verb, AliasPrefix,
# Group and Description, shown as a table of those four properties).
(Get-Verb).Count
Get-Verb -Verb Get, Set, Remove
Get-Verb -Group Security | Format-Table Verb, AliasPrefix, Group
Get-Verb Up* | Select-Object -ExpandProperty Verb
Get-Verb -Group Lifecycle | Measure-Object | Select-Object -ExpandProperty Count
