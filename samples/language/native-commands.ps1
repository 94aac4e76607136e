# Evidence: oracle native/ (n01 output lines become strings and arrays, n06 exit code and
# 2>&1), about_Automatic_Variables ($LASTEXITCODE holds the exit code of the last native
# program; $? is False when it exited non-zero), about_Pipelines (pipeline input goes to a
# native program's stdin), about_Parsing (arguments are passed one argv each on Linux).
/bin/echo 'a b' c
printf '<%s>\n' one 'two words'
sh -c 'exit 3'
$?
$LASTEXITCODE
/bin/echo ok
$?
$LASTEXITCODE
$out = sh -c 'printf "l1\nl2\n"'
$out.Count
$out[1]
'in1', 'in2' | sh -c 'cat'
$n = 'x y'
printf '<%s>\n' $n
printf '<%s>\n' @('a', 'b')
$count = (printf 'a\nb\nc\n' | Measure-Object).Count
$count
sh -c 'echo to-stderr 1>&2' 2>$null
'end'
