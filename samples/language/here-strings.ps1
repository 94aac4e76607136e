# Evidence: about_Quoting_Rules (Here-strings: quotes are literal, variables expand only in
# @" "@, "The final newline character is part of the closing mark. It's not added to the
# here-string"), about_Split (the here-string split with "Multiline").
@"
For help, type "Get-Help"
"@
@"
Use a quotation mark, like ' or ", to begin a string.
"@
@'
The $PROFILE variable contains the path
of your PowerShell profile.
'@
$name = 'World'
$text = @"
Hello, $name!
Sum: $(1 + 2)
"@
$text
$text.Split("`n").Count
$text.EndsWith('3')
$lit = @'
Hello, $name!
'@
$lit
