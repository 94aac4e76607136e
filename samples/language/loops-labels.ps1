# Evidence: about_Break (break in for/foreach, labeled break across nested loops, break in a
# switch), about_Continue (continue in while/for, labeled continue, continue in switch over a
# collection), about_Do/about_While/about_For for the loop forms. Write-Host goes to stdout
# (oracle formatting/write-host-variants).
for ($i = 1; $i -le 10; $i++) {
   Write-Host $i
   break
}
$i = 0
$varB = 10, 20, 30, 40
foreach ($val in $varB) {
  if ($val -eq 30) { break }
  $i++
}
Write-Host "30 was found in array index $i"
$ctr = 0
while ($ctr -lt 10) {
    $ctr += 1
    if ($ctr -eq 5) { continue }
    Write-Host -Object $ctr -NoNewline
}
Write-Host
for ($i = 0; $i -lt 4; $i++) {
    if ($i -eq 2) { continue }
    "for $i"
}
:red while ($true) {
  :yellow while ($true) {
    while ($true) {
      break yellow
    }
    Write-Host "After innermost loop"
  }
  Write-Host "After yellow loop"
  break red
}
Write-Host "After red loop"
:labelA for ($i = 1; $i -le 2; $i++) {
    :labelB for ($j = 1; $j -le 3; $j++) {
        for ($k = 1; $k -le 3; $k++) {
            if ($k -eq 2) { continue labelB }
            "$i$j$k"
        }
    }
}
switch (1, 2, 3) {
  2 { continue }
  default { $_ }
}
$var = "word2"
switch -Regex ($var) {
    "word2" { Write-Host "Exact" $_; break }
    "word.*" { Write-Host "Match on the prefix" $_; break }
}
$n = 0
do { $n++ } while ($n -lt 3)
$n
do { $n-- } until ($n -le 0)
$n
