# Evidence: pwsh's current position is the last sequence point reached in the script block
# (Compiler.cs UpdatePosition at v7.6.5): a statement inside $( ) or @( ), or a hashtable value,
# that completed before its enclosing statement failed is where the error points. A Windows
# PowerShell report of `$Object.$($Parameter.Key) = $Value` failing (ecitsolutions/Autotask
# issue 25) underlines `$Parameter.Key`. Without a nested statement the whole statement is used.
$o = [pscustomobject]@{ A = 1 }
$p = @{ Key = 'Missing' }
$o.$($p.Key) = 5
$s = "count: $(1; 2)" + $null.Trim()
$t = 'plain' + $null.Trim()
'end'
