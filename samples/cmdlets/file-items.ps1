# New-Item, Test-Path, Copy/Move/Rename/Remove-Item on files and folders.
$f = New-Item -ItemType File -Path ./a.txt -Value 'abc'
$f.Name
$f.Length
$f.Extension
$f.BaseName
$f.GetType().FullName
$d = New-Item -ItemType Directory -Path ./store/deep
$d.Name
$d.GetType().Name
Test-Path ./a.txt
Test-Path ./a.txt -PathType Leaf
Test-Path ./store -PathType Leaf
Test-Path ./store -PathType Container
Test-Path ./missing
Test-Path ./*.txt
Copy-Item ./a.txt ./store
Test-Path ./store/a.txt
Copy-Item ./a.txt ./b.txt
Move-Item ./b.txt ./store/deep/b.txt
Rename-Item ./store/deep/b.txt c.txt
Test-Path ./store/deep/c.txt
Get-Content ./store/deep/c.txt
New-Item ./a.txt -Value 'xyz' -Force | Out-Null
Get-Content ./a.txt
Remove-Item ./store -Recurse
Test-Path ./store
Remove-Item ./a.txt
Test-Path ./a.txt
