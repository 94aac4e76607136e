# Evidence: about_Special_Characters: `u{x} (PowerShell 6+) is the Unicode character with the
# hexadecimal code point x, one to six digits up to 10FFFF; a code point above FFFF becomes a
# surrogate pair, two UTF-16 code units, so the string's Length counts 2 for it.
$smile = "`u{1F600}"
$smile.Length
[int]$smile[0]
[int]$smile[1]
"`u{41}`u{2713}".Length
"`u{0041}BC"
$max = "`u{10FFFF}"
$max.Length
'literal `u{41}'
