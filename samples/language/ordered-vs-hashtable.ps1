# Evidence: about_Hash_Tables (@{} is a Hashtable, [ordered]@{} an OrderedDictionary that keeps
# the order keys were written in and also takes an integer index), about_Case-Sensitivity (a
# hashtable literal @{} and [ordered]@{} have case-insensitive keys), about_PSCustomObject (casting an [ordered] literal to
# [pscustomobject] keeps the order), oracle language/hashtable-ops ($o[0], Insert).
$h = @{ b = 1; a = 2 }
$o = [ordered]@{ b = 1; a = 2 }
$h.GetType().Name
$o.GetType().FullName
$o.Keys -join ','
$o[0]
$o[1]
$h['B']
$o['B']
$h -is [System.Collections.IDictionary]
$o -is [System.Collections.IDictionary]
([pscustomobject]$o).psobject.Properties.Name -join ','
$o.b = 10
$o['c'] = 3
($o.Keys | ForEach-Object { "$_=$($o[$_])" }) -join ' '
