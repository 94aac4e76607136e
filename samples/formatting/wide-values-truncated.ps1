# Evidence: oracle formatting/object-table-wide-values (at 80 columns a row is cut at 79
# characters, the last column ending in …), teams/t04-get-forms (the last column gets what the
# others leave), v7.6.5 test/powershell/engine/Formatting/PSStyle.Tests.ps1 ("Truncation for
# strings with no escape sequences": a value wider than its column is cut to width-1 and …).
[pscustomobject]@{ Id = 1; Name = 'short'; Description = 'd' * 100 }
[pscustomobject]@{ Id = 2; Name = 'longer name'; Description = 'e' * 30 }
