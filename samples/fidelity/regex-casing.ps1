# Evidence: .NET's RegexOptions.IgnoreCase (pwsh's -match, -replace, -split are case-insensitive
# by default) compares one character with one character through its case-equivalence table, so
# 'ß' does not match "ss" nor 'ﬁ' "fi" (unlike full case folding), while 'ẞ' and 'ß' are
# equivalent and Σ, σ, ς are one class; -cmatch is exact (about_Comparison_Operators,
# System.Text.RegularExpressions docs on case-insensitive matching).
'Straße' -match 'STRASSE'
'Straße' -match 'STRAßE'
'STRASSE' -match 'straße'
'ﬁle' -match 'FILE'
'STRAẞE' -match 'straße'
'ΣΟΦΟΣ' -match 'σοφος'
'Straße' -replace 'SS', '-'
'Straße' -replace 'ß', 'ss'
('Aßb' -split 'SS').Count
'Straße' -cmatch 'straße'
[regex]::IsMatch('MASSE', 'maße', 'IgnoreCase')
