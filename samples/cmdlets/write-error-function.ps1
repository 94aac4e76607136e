function Test-Err { [CmdletBinding()] param() Write-Error -Message 'bad thing' -ErrorId 'Bad' -Category InvalidData }
Test-Err -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
$Error[0].CategoryInfo.Category
$Error[0].Exception.GetType().Name
try { Write-Error 'stop now' -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
