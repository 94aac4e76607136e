# Evidence: about_Quoting_Rules (Double-quoted strings, Single-quoted strings, Including quote
# characters, Interpretation of expandable strings), about_Preference_Variables ($OFS
# examples), about_Special_Characters (`u{x}).
$i = 5
"The value of $i is $i."
"The value of $(2+3) is 5."
"The value of `$i is $i."
'The value of $(2+3) is 5.'
'As they say, "live and learn."'
"As they say, 'live and learn.'"
"As they say, ""live and learn."""
'don''t'
"Use a quotation mark (`") to begin a string."
'Use a quotation mark (`") to begin a string.'
"hashtable: $(@{ key = 'value' })"
"${i}: braces"
$array = 1, 2, 3, 4
[string]$array
"$array"
$OFS = "+"
[string]$array
"$array"
Remove-Variable OFS
[string]$array
"`u{2195}"
"f`?`?"
'f`?`?'
$x = 1.2
"$x"
"a`tb"
