# Evidence: pwsh's MshObjectUtil.cs at v7.6.5: SmartToString lists any enumerable value of a
# cell as `{a, b, …}` (stopping after $FormatEnumerationLimit items with `…`; -1 lists all),
# GetObjectName names each element: `$null` for null, ToString when the element's type
# overrides it, else the first property matching name, id, key, *key, *name, *id
# (GetDisplayNameExpression) — Regex's Group and Match inherit Capture's ToString, so they show
# their Name ("0"); a Hashtable has no such property and shows its type name. Numbers in a
# cell of their own get ToString("F") in generated tables (SmartToString's formatFloat), but
# not inside `{…}`.
$list = [System.Collections.Generic.List[int]]::new()
1..6 | ForEach-Object { $list.Add($_ * 10) }
[pscustomobject]@{ Name = 'list'; Items = $list; Half = 0.5 }
[pscustomobject]@{ Name = 'mixed'; Items = @(1.5, $null, 'x', $true); Half = 1.25 }
[pscustomobject]@{ Name = 'tables'; Items = @(@{ a = 1 }, [ordered]@{ b = 2 }); Half = 2 }
[pscustomobject]@{ Name = 'matches'; Items = [regex]::Matches('a1b2c3', '\d'); Half = -0.125 }
$m = [regex]::Match('key=value', '(?<k>\w+)=(?<v>\w+)')
$m | Format-List Groups, Success, Name, Captures, Index, Length, Value
$FormatEnumerationLimit = 2
[pscustomobject]@{ Items = 1..5 } | Format-List
$FormatEnumerationLimit = 0
[pscustomobject]@{ Items = 1..5 } | Format-List
$FormatEnumerationLimit = -1
[pscustomobject]@{ Items = 1..12 } | Format-List
