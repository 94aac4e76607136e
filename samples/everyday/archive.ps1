# Evidence: Compress-Archive / Expand-Archive (Microsoft.PowerShell.Archive 1.2.5, the module
# pwsh 7.6 ships: entries named from the folder given, -Update adds to an archive, an
# existing archive without -Update/-Force and an existing file without -Force are its
# ArchiveResources errors, -PassThru returns the expanded files).
New-Item -ItemType Directory ./report | Out-Null
Set-Content ./report/users.csv -Value 'Name,Policy', 'Ada,Strict', 'Bo,Default'
Set-Content ./report/notes.txt -Value ('line ' * 200)
Compress-Archive -Path ./report -DestinationPath ./report.zip
Test-Path ./report.zip
Compress-Archive -Path ./report -DestinationPath ./report.zip
Compress-Archive -Path ./report/*.csv -DestinationPath ./report.zip -Update
Expand-Archive -Path ./report.zip -DestinationPath ./out
Get-ChildItem ./out -Recurse -File | ForEach-Object { $_.FullName.Substring($PWD.Path.Length + 1) } | Sort-Object
(Get-FileHash ./out/report/notes.txt).Hash -eq (Get-FileHash ./report/notes.txt).Hash
Get-Content ./out/users.csv
Expand-Archive -Path ./report.zip -DestinationPath ./out -Force
Compress-Archive -Path ./missing -DestinationPath ./x.zip
Get-Item ./report.zip | Expand-Archive -DestinationPath ./piped -PassThru | Sort-Object FullName | Select-Object -ExpandProperty Name
