# Evidence: .NET's Nullable<T> (a boxed Nullable is $null or a T: GetType() names the
# underlying type) and PowerShell's conversion to it (LanguagePrimitives: $null stays $null,
# anything else converts to T); about_Functions_Advanced_Parameters for typed parameters
# that may be left out.
function Set-Quota {
    param([Nullable[int]]$Limit, [System.Nullable[datetime]]$Until)
    if ($null -eq $Limit) { 'no limit' } else { 'limit {0} ({1})' -f $Limit, $Limit.GetType().Name }
    if ($null -ne $Until) { 'until ' + $Until.ToString('yyyy-MM-dd') }
}
Set-Quota
Set-Quota -Limit '25' -Until '2024-03-05'
[Nullable[int]]$count = $null
$null -eq $count
$count = '41'
$count + 1
$count.GetType().FullName
[int]$plain = $null
$plain
