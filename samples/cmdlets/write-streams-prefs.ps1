Write-Warning 'w1'
$WarningPreference = 'SilentlyContinue'
Write-Warning 'hidden'
Write-Verbose 'v1' -Verbose
Write-Debug 'd1' -Debug
Write-Information 'i1' -InformationAction Continue
Write-Information 'i2'
Write-Progress -Activity 'x' -Status 'y'
'end'
