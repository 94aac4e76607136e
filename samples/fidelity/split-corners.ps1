# Evidence: pwsh's -split (SplitWithPattern in parserutils.cs at v7.6.5) is .NET's
# Regex.Split(input, count): captured groups go into the output, count > 0 caps the number of
# pieces, a negative count splits from the right (RegexOptions.RightToLeft), 0 is unlimited;
# an empty pattern matches between every two characters ('', 'a', 'b', 'c', ''); separators at
# the ends give empty strings; unary -split splits on runs of whitespace, trimmed
# (about_Split).
('a,b,,c' -split ',') -join '|'
('a,b,c,d' -split ',', 2) -join '|'
('a,b,c,d' -split ',', -2) -join '|'
('a,b,c,d,e' -split ',', -3) -join '|'
('a.b.c' -split '.') -join '|'
('a1b2c' -split '(\d)') -join '|'
('a1b2c' -split '(\d)', 2) -join '|'
('abc' -split '') -join '|'
('abc' -split '').Count
('abc' -split '', 2) -join '|'
(',a,' -split ',').Count
('' -split ',').Count
(-split "  one`t two`n three  ") -join '|'
(@('a,b', 'c') -split ',') -join '|'
