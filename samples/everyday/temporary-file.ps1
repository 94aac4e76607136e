# Evidence: New-TemporaryFile (cmdlet reference: creates an empty .tmp file in the temporary
# folder and returns its System.IO.FileInfo; on Linux Path.GetTempPath() is /tmp/).
$f = New-TemporaryFile
$f.GetType().FullName
$f.Extension
$f.Length
$f.DirectoryName -eq [System.IO.Path]::GetTempPath().TrimEnd('/')
Remove-Item $f
Test-Path $f
