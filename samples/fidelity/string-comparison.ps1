# Evidence: pwsh compares strings with the invariant culture (StringOps.Equals/Compare via
# CompareInfo.Compare, ICU on Linux): -eq/-lt ignore case, -ceq/-clt do not and then a lower-case
# letter sorts before its upper case; String.CompareTo and [string]::Compare are culture
# comparisons, [string]::CompareOrdinal subtracts code units; IndexOf/Equals take a
# StringComparison (about_Comparison_Operators, the .NET String docs).
'file' -eq 'FILE'
'file' -ceq 'FILE'
'a' -lt 'B'
'a' -clt 'A'
'A' -clt 'a'
'é' -eq 'E'
'abc'.CompareTo('ABC')
[string]::Compare('a', 'B')
[string]::CompareOrdinal('a', 'B')
'Hello'.IndexOf('L')
'Hello'.IndexOf('L', [StringComparison]::OrdinalIgnoreCase)
'Hello'.Equals('hello', 'OrdinalIgnoreCase')
'Hello'.StartsWith('HE', 'CurrentCultureIgnoreCase')
'abc'.Replace('B', 'x', 'OrdinalIgnoreCase')
@('b', 'B', 'a', 'A') | Sort-Object -CaseSensitive
