$m = 'apple pie', 'banana', 'cherry pie' | Select-String -Pattern 'pie'
$m.Count
$m[1].LineNumber
$m[0].Line
"$($m[0])"
('Alpha', 'beta' | Select-String -Pattern 'ALPHA' -CaseSensitive).Count
('a.b', 'axb' | Select-String -Pattern 'a.b' -SimpleMatch).Line
('one two one' | Select-String -Pattern 'one' -AllMatches).Matches.Count
