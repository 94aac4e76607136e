# The path errors of the provider cmdlets, caught: message, id, category, target.
try { Get-Item ./nope -ErrorAction Stop } catch { $e = $_ }
$e.Exception.Message
$e.FullyQualifiedErrorId
$e.CategoryInfo.Category
$e.CategoryInfo.Reason
$e.TargetObject
try { Get-Content ./missing.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { Remove-Item ./missing.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { Set-Location ./missing -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
New-Item ./dup.txt | Out-Null
try { New-Item ./dup.txt -ErrorAction Stop } catch { $_.Exception.Message }
Get-Item ./nope*
Get-ChildItem ./missing -ErrorAction SilentlyContinue
$?
'done'
