# Evidence: about_Assignment_Operators (=, +=, -=, *=, /=, %=, ++ and --, ??=, multiple
# assignment "$a, $b, $c = 1, 2, 3" and the rest going to the last variable, assigning to
# several variables at once, += on arrays and hash tables, type-constrained variables).
$a = 5
$a += 2; $a
$a -= 3; $a
$a *= 4; $a
$a /= 8; $a
$a %= 2; $a
$s = 'ab'
$s += 'cd'; $s
$s *= 2; $s
$arr = 1, 2
$arr += 3
$arr -join ','
$h = @{ a = 1 }
$h += @{ b = 2 }
$h.Count
$i = 1; $i++; $i
$i--; $i
$x, $y, $z = 'one', 'two', 'three', 'four'
$x
$z -join ','
$p = $q = 'same'
"$p $q"
[int]$n = 10
$n += '5'
$n
$first, $rest = 1..5
$first
$rest -join ','
