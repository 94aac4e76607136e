# Evidence: about_Trap (ContinueExample output; "Error found: $_"; the command-not-found
# message has a line break after "program." as there and in oracle pester/p16; a trap
# without continue writes the error and resumes after the failing statement; a trap outside the function does
# not go back into it; the most specific trap type wins). stderr layout: oracle
# errors/command-not-found (ConciseView, message wrapped at 80 columns).
function ContinueExample {
    trap {
        'Error trapped'
        continue
    }
    foreach ($x in 3..-1) {
       "1/$x = "
       "`t$(1/$x)"
    }
    'End of function'
}
ContinueExample
function TrapTest {
    trap { "Error found: $_"; continue }
    nonsenseString
    'TrapTest went on'
}
TrapTest
& {
    trap { 'Other terminating error trapped'; continue }
    trap [System.Management.Automation.CommandNotFoundException] { 'Command error trapped'; continue }
    nonsenseString
    1/$null
    'block went on'
}
function function1 {
    trap { 'An error: ' }
    nonsenseString
    'function1 was completed'
}
function1
