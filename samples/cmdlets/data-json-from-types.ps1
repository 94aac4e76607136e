# ConvertFrom-Json: integers are Int64, other numbers Double, ISO date-times DateTime.
$j = '{"n":1,"d":1.5,"s":"x","b":true,"when":"2024-03-05T14:07:09Z","day":"2024-03-05","list":[1,"two",null]}' | ConvertFrom-Json
$j.n.GetType().Name
$j.d.GetType().Name
$j.s.GetType().Name
$j.b.GetType().Name
$j.when.GetType().Name
$j.when.Kind
$j.when.ToString('yyyy-MM-dd HH:mm:ss')
$j.day.GetType().Name
$j.list.Count
$j.list.GetType().Name
($j.psobject.Properties.Name) -join ','
$h = '{"b":1,"a":{"c":2}}' | ConvertFrom-Json -AsHashtable
$h.GetType().Name
$h.Keys -join ','
$h.a.c
'[1,2,3]' | ConvertFrom-Json
('[1,2,3]' | ConvertFrom-Json -NoEnumerate).Count
try { '{"a":' | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId }
