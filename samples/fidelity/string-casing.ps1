# Evidence: .NET's String.ToUpper/ToLower (and the Invariant forms) map each code point to its
# simple case mapping (UnicodeData.txt) through ICU's u_toupper/u_tolower, one for one, so the
# length never changes: 'ß' and the ligature 'ﬁ' have no one-letter upper case and stay, 'Σ'
# lowers to 'σ' even at the end of a word, the titlecase 'ǅ' maps to 'Ǆ'/'ǆ'; .NET keeps
# U+0131 'ı' on ToUpper and U+0130 'İ' on ToLower (dotnet/runtime's pal_casing.c, as on
# Windows), outside the Turkish cultures.
$word = 'straße'
$word.ToUpper()
$word.ToUpper().Length
$word.ToUpperInvariant()
'ﬁle'.ToUpper()
'ΟΔΟΣ'.ToLower()
'ǅ'.ToUpper() + 'ǅ'.ToLower()
'İstanbul'.ToLower()
'ıI'.ToUpper()
'ÉCOLE'.ToLower()
'Ω'.ToLowerInvariant() + 'µ'.ToUpperInvariant()
