# Evidence: about_Switch (Simple match examples, break and continue, Impact of string
# conversion, wildcards, regular expressions and $Matches, scriptblock conditions, parameter
# list: -Exact/-Wildcard/-Regex/-CaseSensitive, "the last parameter specified takes
# precedence"); $switch and $_ from about_Automatic_Variables.
switch (3) {
    1 { "It's one."    }
    2 { "It's two."    }
    3 { "It's three."  }
    4 { "It's four."   }
    3 { "Three again." }
}
switch (1,4,-1,3,"Hello",2,1) {
    {$_ -lt 0}           { continue }
    {$_ -isnot [int32]}  { break }
    {$_ % 2}             { "$_ is Odd" }
    {-not ($_ % 2)}      { "$_ is Even" }
}
switch ( ([datetime]'1 Jan 1970').DayOfWeek ) {
    4            { 'The integer value matches a Thursday.' }
    "4"          { 'The numeric string matches a Thursday.' }
    "Thursday"   { 'The string value matches a Thursday.' }
    { 4 -eq $_ } { 'The expression matches a Thursday.' }
}
$test = @{ Test = 'test'; Test2 = 'test2' }
switch -Exact ($test) {
    'System.Collections.Hashtable' { 'Hashtable string coercion' }
    'test'                         { 'Hashtable value' }
}
switch ("fourteen") {
    1       { "It's one.";   break }
    "fo*"   { "That's too many."   }
    default { "No matches"         }
}
switch -Wildcard ("fourteen") {
    1     { "It's one.";   break }
    "fo*" { "That's too many."   }
}
$target = 'https://bing.com'
switch -Regex ($target) {
    '^ftp\://.*$' { "$_ is an ftp address"; break }
    '^(http[s]?)\://.*$' { "$_ is a web address that uses $($Matches[1])"; break }
}
switch ("Test") {
    { $_ -is [string] } { "Found a string" }
    "Test"              { "This $_ executes as well" }
}
switch -CaseSensitive ('ABC') {
    'abc' { 'lower' }
    'ABC' { 'upper' }
}
switch -Wildcard -Regex ('a.c') {
    'a\.c' { 'regex won' }
    'a?c'  { 'second pattern matched as regex' }
}
$r = switch (1, 2, 3) { { $_ -ge 2 } { $_ * 10 } }
$r -join ','
