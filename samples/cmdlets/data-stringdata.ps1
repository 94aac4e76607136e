# ConvertFrom-StringData: name = value lines; comments and blank lines skipped.
$text = @'
# Teams messages
Greeting = Hello, Teams
Path = C:\\Policies

Total = 3
'@
$d = ConvertFrom-StringData -StringData $text
$d.GetType().Name
$d.Count
$d.Greeting
$d.Path
$d.Total.GetType().Name
$d['total']
try { ConvertFrom-StringData "a=1`na=2" } catch { $_.Exception.Message }
