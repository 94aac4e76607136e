# Evidence: about_Split and pwsh's SplitOperatorImpl/SplitWithPattern (parserutils.cs at v7.6.5):
# SimpleMatch takes the separator literally and allows only IgnoreCase beside it; -split adds
# IgnoreCase, -csplit does not; Multiline makes ^ match at line starts; ExplicitCapture keeps
# only named groups; a $null or '' options argument means none; a script block separator gets
# each character ($_) and allows no options. Bad combinations are ParseExceptions
# (InvalidSplitOptionCombination, InvalidSplitOptionWithPredicate in ParserStrings.resx)
# raised at the operator (BinaryExpressionAst.ErrorPosition), category ParserError.
('a.b.c' -split '.', 0, 'SimpleMatch') -join '|'
('aXbxc' -split 'x') -join '|'
('aXbxc' -csplit 'x') -join '|'
('aXbXc' -split 'x', 2, 'SimpleMatch,IgnoreCase') -join '|'
("a`nb`nc" -split '^b', 0, 'Multiline') -join '|' -replace "`n", '~'
('a1b2c' -split '(\d)', 0, 'ExplicitCapture') -join '|'
('a1b2c' -split '(?<d>\d)', 0, 'ExplicitCapture') -join '|'
('a,b' -split ',', 0, '') -join '|'
('a,b;c' -split { $_ -eq ',' -or $_ -eq ';' }) -join '|'
('a,b,c' -split { $_ -eq ',' }, -2) -join '|'
'a' -split 'x', 0, 'SimpleMatch,Multiline'
'a' -split { $true }, 0, 'IgnoreCase'
'continues'
