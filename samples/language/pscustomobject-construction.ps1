# Evidence: about_PSCustomObject (the cast keeps the order of a literal hashtable and of an
# [ordered] one; the type is System.Management.Automation.PSCustomObject while
# [pscustomobject] -eq [System.Management.Automation.PSCustomObject] is False; [psobject]@{}
# stays a Hashtable, [pscustomobject]123 an Int32; Count and Length are 1 since PowerShell 6;
# members keep the order they were added in; keys differing only by case take the first
# key's name and the last key's value: One two three / 1 3 5), v7.6.5
# test/powershell/Language/Scripting/HashtableToPSCustomObjectConversion.Tests.ps1 (a
# pstypename key becomes PSTypeNames[0]; 'System.Object' gives 3 type names),
# Modules/Microsoft.PowerShell.Utility/Json.Tests.ps1 (PSTypeName is no property:
# ConvertTo-Json -Compress prints only the other keys). Table layout as oracle
# formatting/same-type-sequence (numbers right-aligned).
$object3 = [pscustomobject]@{one=1;two=2}
$object3.GetType().FullName
$object3.psobject.Properties.Name -join ','
([pscustomobject]@{ z = 1; a = 2; m = 3 }).psobject.Properties.Name -join ','
([pscustomobject][ordered]@{ b = 1; a = 2 }).psobject.Properties.Name -join ','
[pscustomobject] -eq [System.Management.Automation.PSCustomObject]
([psobject]@{Property = 'Value'}).GetType().FullName
([pscustomobject]123).GetType().Name
$object3.Count
$object3.Length
$t = [PSCustomObject]@{ pstypename = 'Mytype' }
$t.PSTypeNames[0]
$s = [PSCustomObject]@{ pstypename = 'System.Object' }
$s.PSTypeNames.Count
$s.PSTypeNames[0]
$e = [pscustomobject]@{
    PSTypeName = 'Test.EnumSample'
    SampleSimpleEnum = [System.Management.Automation.ActionPreference]::Ignore
    Name = 'x'
}
ConvertTo-Json -InputObject $e -Compress
$Json = '{
  "One": 1,
  "two": 2,
  "Two": 3,
  "three": 3,
  "Three": 4,
  "THREE": 5
}'
$p = [pscustomobject]($Json | ConvertFrom-Json -AsHashTable)
$p.psobject.Properties.Name -join ','
"$($p.One) $($p.two) $($p.three)"
$object3 | Add-Member -MemberType NoteProperty -Name three -Value 3
$object3.psobject.Properties.Name -join ','
$object3
