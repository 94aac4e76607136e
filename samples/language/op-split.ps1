# Evidence: about_Split (Examples) and PowerShell v7.6.5
# test/powershell/Language/Operators/SplitOperator.Tests.ps1.
"Mercury,Venus,Earth,Mars" -split ','
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -csplit 'N'
"a,b,c,d,e,f,g,h" -split ",", 3
"a,b,c,d,e,f,g,h" -split ",", -3
"a,b,c,d", "e,f,g,h" -split ",", 3
"This.is.a.test" -split ".", 0, "SimpleMatch"
-split "Windows PowerShell 2.0`nWindows PowerShell with remoting"
("a b c d" -split " ", 2) -join '|'
("a b c d" -split " ", -2) -join '|'
("a b c d" -split " ", -1) -join '|'
(" " -split " ", -2).Count
("a2b3c4d" -split '\d+', 2) -join '|'
("a1:b1:c1:d" -split "(1:)") -join '|'
("a1:b1:c1:d" -split "1(:)") -join '|'
("abcBd" -split "B") -join '|'
("abcBd" -csplit "B") -join '|'
("abcBd" -csplit "B", 0, 'IgnoreCase') -join '|'
("a::b::c::d" -split { $_ -eq "b" -or $_ -eq "C" }) -join '|'
("folder/path/to/file" -split { $_ -like '/' }, -2) -join '|'
