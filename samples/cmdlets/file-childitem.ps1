# Get-ChildItem lists folders first, then files, each by name; -Recurse goes folder by folder.
Set-Location (New-Item -ItemType Directory -Path ./listing)
New-Item -ItemType File -Path ./b.log -Value 'de' | Out-Null
New-Item -ItemType File -Path ./a.txt -Value 'abc' | Out-Null
New-Item -ItemType Directory -Path ./sub | Out-Null
New-Item -ItemType File -Path ./sub/inner.txt -Value '1' | Out-Null
New-Item -ItemType File -Path ./.hidden | Out-Null
(Get-ChildItem).Name -join ','
(Get-ChildItem -Force).Name -join ','
(Get-ChildItem -File).Name -join ','
(Get-ChildItem -Directory).Name -join ','
(Get-ChildItem -Filter *.txt).Name
(Get-ChildItem -Recurse -Name) -join ','
(Get-ChildItem -Recurse -Filter *.txt).FullName.Replace((Get-Location).Path, '.') -join ','
(Get-ChildItem -Exclude *.log -File).Name
(Get-ChildItem ./a.txt).Length
(Get-ChildItem ./sub).Name
(Get-Item ./a.txt).Extension
(Get-Item ./a.txt).BaseName
(Get-Item ./sub).Parent.Name
