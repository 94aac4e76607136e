# Evidence: .NET String methods (Trim with a char array trims any of them from both ends,
# TrimStart one end; PadLeft pads to a total width; Substring(start, length); LastIndexOf) and
# pwsh's -join (PSObject.ToStringEnumerable: $null joins as empty, a nested array as its type
# name, unary -join uses no separator) and -f (composite formatting with alignment {0,-6},
# {0,6}, a too narrow width is ignored, {{ }} escape, current culture en-US for N2 and P0).
'[' + ('__hi--'.Trim('_', '-')) + ']'
'[' + ('__hi--'.TrimStart('_')) + ']'
'[' + ('xyhiyx'.Trim([char[]]'xy')) + ']'
'[' + ('hi'.PadLeft(5, '.')) + ']'
'hello'.Substring(1, 3)
'Hello'.LastIndexOf('l')
'[' + (@(1, $null, 'a') -join ',') + ']'
'[' + (@(1, @(2, 3), 4) -join ',') + ']'
-join @('a', 'b', 'c')
'[' + ('{0,-6}|{1,6}|{2:N2}' -f 'ab', 'cd', 1234.5) + ']'
'[' + ('{0,3}' -f 'abcdef') + ']'
'{{0}} {0}' -f 'x'
'{0:D4} {1:X} {2:P0}' -f 5, 255, 0.25
