# Evidence: Get-FileHash (cmdlet reference: SHA256 by default, -Algorithm SHA1/SHA256/SHA384/
# SHA512/MD5, hashes as upper-case hex, a FileHashInfo with Algorithm, Hash and Path); the view
# is pwsh's FileHashInfo table (PowerShellCore_format_ps1xml.cs: Algorithm 15 columns, Hash 70,
# Path), which at 80 columns trims Hash and hides Path (ColumnWidthManager.TrimToFit); a
# missing file is pwsh's "Cannot find path" error. Hashes checked with sha256sum and friends.
Set-Content -Path ./hello.txt -Value 'Hello, Teams' -NoNewline
Get-FileHash ./hello.txt
Get-FileHash ./hello.txt -Algorithm MD5 | Format-List
'SHA1', 'SHA384', 'SHA512' | ForEach-Object { (Get-FileHash ./hello.txt -Algorithm $_).Hash }
(Get-FileHash -LiteralPath ./hello.txt).Path
Get-FileHash ./missing.txt
