# Evidence: about_Case-Sensitivity ("Non-literal dictionary instantiation": [hashtable]::new()
# has case-sensitive keys, whereas a hashtable literal @{} has case-insensitive keys;
# [ordered]::new() has case-sensitive keys, whereas [ordered] @{} has case-insensitive keys).
$h = @{}
$h['a'] = 1
$h['A']
$hn = [hashtable]::new()
$hn['a'] = 1
$null -eq $hn['A']
$hn.Count
$on = [ordered]::new()
$on['a'] = 1
$null -eq $on['A']
$on['A'] = 2
$on.Count
