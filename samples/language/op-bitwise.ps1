# Evidence: about_Arithmetic_Operators (BITWISE OPERATORS tables: -band/-bor/-bxor/-bnot,
# -shl and -shr results including shift counts past 31/63 and negative values).
10 -band 3
10 -bor 3
10 -bxor 3
-bnot 10
102 -shl 2
102 -shr 1
102 -shr 2
21 -shl 1
21 -shl 2
21 -shr 31
21 -shr 32
21 -shr 64
21 -shr 65
[int]::MaxValue -shr 1
[int]::MinValue -shr 1
-1 -shr 1
(-21 -shr 1)
(-21 -shr 2)
