# Evidence: about_Comparison_Operators (Replacement operator, Regular expressions
# substitutions, Substituting in a collection, Replacement with a scriptblock) and v7.6.5
# test/powershell/Language/Operators/ReplaceOperator.Tests.ps1.
"Get-Process" -replace "Get", "Stop"
"image.gif" -replace "\.gif$", ".jpg"
'book' -ireplace 'B', 'C'
'book' -creplace 'B', 'C'
"PowerPoint" -replace "Point"
"PowerPoint1", "PowerPoint2" -replace "Point", "Shell"
"domain.example" -replace ".*\.(\w+)$", "Tld of '`$0' is - '`$1'"
"domain.example" -replace ".*\.(?<tld>\w+)$", "`${tld}"
$SearchExp = '^(?<DomainName>[\w-.]+)\\(?<Username>[\w-.]+)$'
$ReplaceExp = '${Username}@${DomainName}'
'Contoso.local\John.Doe' -replace $SearchExp, $ReplaceExp
$1 = 'Goodbye'
'Hello World' -replace '(\w+) \w+', "$1 Universe"
'Hello World' -replace '(\w+) \w+', '$1 Universe'
'5.72' -replace '(.+)', '$ $1'
'5.72' -replace '(.+)', '$$$1'
'5.72' -replace '(.+)', '$$1'
'B1', 'B2', 'B3' -replace 'B', 'a'
'072101108108111' -replace '\d{3}', { return [char][int]$_.Value }
"ID ABC123" -replace "\b[A-C]+", { return "X" * $_.Value.Length }
1.2 -replace ','
