# Evidence: about_Automatic_Variables ($PSHOME: "the full path of the installation directory for
# PowerShell") and [Environment]::ProcessPath (.NET: the path of the executable that started
# the process): the running shell is a file inside $PSHOME, so a script can start it again.
$exe = [Environment]::ProcessPath
Test-Path -LiteralPath $exe -PathType Leaf
(Split-Path -Parent $exe) -eq $PSHOME
[System.IO.Path]::IsPathRooted($PSHOME)
& $exe -NoProfile -Command '6 * 7'
