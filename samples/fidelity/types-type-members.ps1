# Evidence: .NET's System.Type (Name, FullName, Namespace, BaseType, IsArray, IsEnum,
# IsValueType, IsClass, IsGenericType, GetElementType, GetEnumNames, GetEnumValues) and
# [enum]::GetValues / GetNames, as PowerShell shows them (a type prints as its full name in a
# string; enum values print by name).
$t = [int]
"$t | $($t.Name) | $($t.FullName) | $($t.Namespace) | $($t.BaseType)"
"array=$($t.IsArray) enum=$($t.IsEnum) value=$($t.IsValueType) class=$($t.IsClass) public=$($t.IsPublic)"
$a = [string[]]
"$a | $($a.Name) | $($a.BaseType) | $($a.IsArray) | element $($a.GetElementType())"
$l = [System.Collections.Generic.List[int]]
"$($l.Name) generic=$($l.IsGenericType)"
[System.DayOfWeek].GetEnumNames() -join ','
[enum]::GetNames([System.DayOfWeek]).Count
[enum]::GetValues([System.ConsoleColor]) | Select-Object -First 3
[System.DayOfWeek]::Friday.GetType().FullName
[int][System.DayOfWeek]::Friday
([datetime]'2024-03-15').DayOfWeek
(Get-Date -Date '2024-03-15').GetType().Name
@(1, 'a', 2.5, $null).ForEach({ if ($null -eq $_) { 'null' } else { $_.GetType().Name } }) -join ' '
