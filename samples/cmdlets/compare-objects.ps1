$a = 'x', 'y', 'z'
$b = 'y', 'z', 'w'
(Compare-Object $a $b | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }) -join ' '
(Compare-Object $a $b -IncludeEqual -ExcludeDifferent | ForEach-Object InputObject) -join ','
(Compare-Object $a $a).Count
