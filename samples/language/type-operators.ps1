# Evidence: about_Type_Operators (-is, -isnot, -as returning $null on failure, type names as
# strings, arrays and derived types), about_Type_Conversion.
(Get-Date) -is [datetime]
'abc' -is [string]
'abc' -isnot [int]
1 -is [int]
1 -is [long]
1, 2 -is [array]
1, 2 -is [object[]]
'5' -as [int]
$null -eq ('abc' -as [int])
'1/1/2024' -as [datetime] -is [datetime]
(3.7 -as [int])
'x' -is 'System.String'
[System.ArgumentNullException]::new('p') -is [System.ArgumentException]
('123' -as [int]).GetType().Name
