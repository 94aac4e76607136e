# Evidence: about_Automatic_Variables ("the name of a function
# ($MyInvocation.MyCommand.Name) to identify the current command"), v7.6.5
# test/powershell/Modules/Microsoft.PowerShell.Core/ForEach-Object.Tests.ps1 (a script whose
# line is '1 | ForEach-Object { $MyInvocation.MyCommand.Name }' prints its file name: the block
# gets the InvocationInfo of the calling scope, the script's).
function Get-Me { $MyInvocation.MyCommand.Name }
Get-Me
filter Get-FilterName { "$_ in $($MyInvocation.MyCommand.Name)" }
'x' | Get-FilterName
1 | ForEach-Object { $MyInvocation.MyCommand.Name }
