# Evidence: pwsh 7.6's session-state providers (SessionStateProviderBase.cs at v7.6.5:
# GetChildItems sorts items by name with CurrentCultureIgnoreCase; NewItem refuses an existing
# item with SessionStateStrings' "The item at path '{0}' already exists." unless -Force);
# FunctionProvider.cs (a script block or a string becomes the body, $null removes the function,
# the item's value is its script block); AliasProvider (an alias's value is its definition);
# VariableProvider (Get-Item variable:x is the PSVariable, shown by its Name/Value view).
function Get-Alpha { 'alpha' }
function Get-Beta { param($n) "beta $n" }
Test-Path function:Get-Alpha
Test-Path function:\Get-Gamma
(Get-ChildItem function:Get-* | ForEach-Object Name) -join ','
${function:Get-Gamma} = { 'gamma' }
Get-Gamma
${function:Get-Delta} = 'param($x) "delta $x"'
Get-Delta 4
Set-Item function:Get-Epsilon -Value { 'epsilon' }
Get-Epsilon
(Get-Content function:Get-Beta).GetType().Name
Remove-Item function:Get-Alpha
Test-Path function:Get-Alpha
${function:Get-Beta} = $null
Get-Command Get-Beta -ErrorAction SilentlyContinue
'beta removed'
New-Item function:Get-Gamma -Value { 'again' } -ErrorAction SilentlyContinue -ErrorVariable e
$e[0].Exception.Message
$counter = 3
Get-Item variable:counter
(Get-Item variable:counter).Value + 1
Test-Path variable:counter
Remove-Item variable:counter
Test-Path variable:counter
$alias:gci
(Get-Item alias:gci).Definition
Set-Alias -Name now -Value Get-Date
Test-Path alias:now
Remove-Item alias:now
Test-Path alias:now
$env:TEAMSH_SAMPLE = 'one'
Get-Item env:TEAMSH_SAMPLE | ForEach-Object { "$($_.Name)=$($_.Value)" }
Get-Content env:TEAMSH_SAMPLE
Remove-Item env:TEAMSH_SAMPLE
Test-Path env:TEAMSH_SAMPLE
