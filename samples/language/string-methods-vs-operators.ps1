# Evidence: about_Methods ('this is rocket science'.Replace('rocket', 'rock'); .Split("1")
# splits by the string "1"),
# about_Case-Sensitivity (String.Replace(), String.Contains() and Array.Contains() are
# case-sensitive, unlike the operators), about_Comparison_Operators (-replace and -like are
# case-insensitive, -creplace is not; -replace takes a regular expression and $0 in the
# substitution; -contains), about_Split (-split takes a regular expression; the
# SimpleMatch option).
'this is rocket science'.Replace('rocket', 'rock')
'this is Rocket science'.Replace('rocket', 'rock')
'this is Rocket science' -replace 'rocket', 'rock'
'this is Rocket science' -creplace 'rocket', 'rock'
'a.b.c'.Replace('.', '-')
'a.b.c' -replace '.', '-'
'a.b.c' -replace '\.', '-'
'abc'.Replace('b', '[$0]')
'abc' -replace 'b', '[$0]'
"a 1 b 1 c 1 d".Split("1")
('a.b.c'.Split('.')) -join '|'
('a.b.c' -split '\.') -join '|'
('a.b.c' -split '.', 0, 'SimpleMatch') -join '|'
('a,b;c' -split '[,;]') -join '|'
'abc'.Contains('B')
'abc' -like '*B*'
'abc'.Contains('b')
@('a', 'b').Contains('A')
@('a', 'b') -contains 'A'
'Hello'.ToUpper() -ceq 'HELLO'
