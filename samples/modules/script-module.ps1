# A module kept beside the scripts: its own scope, Export-ModuleMember, its manifest.
$m = Import-Module ./TeamsReport/TeamsReport.psd1 -PassThru
"$($m.Name) $($m.Version) $($m.ModuleType)"
Get-ReportLine -Name first
Get-ReportLine second
(Get-Command Get-ReportLine).Source
try { Format-Internal } catch { 'Format-Internal is not exported' }
Remove-Module TeamsReport
try { Get-ReportLine third } catch { 'removed' }
