# Join-Path, Split-Path, Resolve-Path and the location stack.
Join-Path /teams policies
Join-Path /teams/ /policies/
Join-Path a b -AdditionalChildPath c, d
Join-Path -Path one, two -ChildPath x.json
Split-Path /teams/policies/e2ee.json
Split-Path /teams/policies/e2ee.json -Leaf
Split-Path /teams/policies/e2ee.json -LeafBase
Split-Path /teams/policies/e2ee.json -Extension
Split-Path /teams -Parent
Split-Path /teams/x -IsAbsolute
Split-Path teams/x -IsAbsolute
Split-Path env:HOME -Qualifier
Split-Path env:HOME -NoQualifier
New-Item -ItemType File -Path ./r.txt | Out-Null
(Resolve-Path ./r.txt).Path
Resolve-Path ./r.txt -Relative
Push-Location /
(Get-Location).Path
Resolve-Path /tmp/case/r.txt -Relative
Pop-Location
(Get-Location).Path
Set-Location /tmp
(Get-Location).Path
