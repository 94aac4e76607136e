# A script module whose exported function calls a private function and a cmdlet.
function Get-Stock { param($Item) 3 }
function Get-Report { param($Item) "${Item}: $(Get-Stock -Item $Item) in stock on $(Get-Date -Format yyyy-MM-dd)" }
Export-ModuleMember -Function Get-Report
