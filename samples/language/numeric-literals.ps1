# Evidence: about_Numeric_Literals (Multiplier examples, the Examples table of literal / type /
# value, Numeric type conversion of '0xF' '&hF' '#F' '0b1111', accessing members of literals).
1kb
1.30Dmb
0x10Gb
1.4e23tb
0x12Lpb
foreach ($n in 100, 100u, 100D, 100l, 100uL, 100us, 100uy, 100y, 1e2, 1.e2, 0x1e2, 0x1e2L, 0x1e2D, 482D, 482gb, 482ngb, 0x1e2lgb, 0b1011011, 0xFFFFs, 0xFFFFFFFF, -0xFFFFFFFF, 0xFFFFFFFFu) {
    "$($n.GetType().Name) $n"
}
[int] '0xF' -eq 0xF
[int] '&hF' -eq 0xF
[int] '#F' -eq 0xF
[int] '0b1111' -eq 15
2uL.GetType().Name
1.234.GetType().Name
(2).GetType().Name
