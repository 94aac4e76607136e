# Evidence: about_Operators (Format operator -f: "{0} {1,-10} {2:N}" -f 1,"hello",[Math]::PI
# gives "1 hello      3.14"; "{0:00} {1:000} {2:000000}"; doubled braces), .NET Composite
# Formatting ({index[,alignment][:formatString]}: right-aligned when alignment is positive,
# left-aligned when negative, ignored when the value is longer), oracle
# language/num-format-operator (N0 N2 F3 P1 X x4 D5 0.00 #,##0 E2, {0,-8}|{1,8}) and
# semantics/s08-currency-percent (C, C2, P, N, '000', F2), about_PSCustomObject
# ('{0} {1}' -f (1, 2) gives "1 2"). The doc's "3.14" for {2:N} is Windows: on Linux the en-US
# culture has 3 number decimals, as s08's (1234.5678).ToString('N') = 1,234.568 shows.
"{0} {1,-10} {2:N}" -f 1, "hello", [Math]::PI
"{0:00} {1:000} {2:000000}" -f 7, 24, 365
"{0} vs. {{0}}" -f 'foo'
'{0} {1}' -f (1, 2)
'[{0,6}]' -f 42
'[{0,-6}]' -f 42
'[{0,2}]' -f 'longer than two'
'[{0,10:N2}]' -f 1234.5
'[{0,-10:F1}]' -f 2
'[{0,8:P1}]' -f 0.256
'[{0,6:X}]' -f 255
'[{0,-7:D5}]' -f 42
'{0:N0} and {0:X} and {0:D5}' -f 255
foreach ($row in @(@('Global', 3), @('Tag:Sales', 12), @('Tag:CustomeE2EEPolicy', 120))) {
  '{0,-22}|{1,5}' -f $row[0], $row[1]
}
$fmt = '{0,-6}{1,8:N1}'
$fmt -f 'a', 1000
$fmt -f 'bb', 0.26
