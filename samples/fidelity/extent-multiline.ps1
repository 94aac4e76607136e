# Evidence: PositionUtilities.VerboseMessage (Position.cs at v7.6.5): the header names the line
# where the extent starts; an extent that ends on a later line is underlined from its start to
# the end of its first line; a source line longer than 69 columns is cut around the error with
# "…" (oracle errors/error-long-line). The position is the sequence point of the statement, or
# the argument of a binding error, even when that is on a continuation line.
$zero = 0
$total = 1 +
    2 +
    3 / $zero
function Set-Size { param([int]$Size) "size $Size" }
Set-Size `
    -Size 'large'
$config = @{
    Name  = 'app'
    Limit = [int]'unlimited'
}
$aVeryLongVariableNameForTheTest = 'abcdefghijklmnopqrstuvwxyz'; $result = $aVeryLongVariableNameForTheTest.Substring(40, 2)
'end'
