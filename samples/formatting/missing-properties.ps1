# Evidence: pwsh's PSPropertyExpression.ResolveNames (Mshexpression.cs at v7.6.5: a property
# exists only if the object has it — a scalar has no Count or Length of one here, unlike
# `$x.Count` in the language); MshParameterAssociation.cs (ExpandTableParameters keeps a named
# column the first object lacks, empty; ExpandParameters, used by Format-List, drops it);
# FormatViewGenerator_Table/List; Out-Default keeps the first table's columns for later
# objects of another type (the oracle's mixed-types-sequence case).
[pscustomobject]@{ Name = 'a'; Size = 1 } | Format-Table Name, Count, Length
[pscustomobject]@{ Name = 'a'; Size = 1 } | Format-List Name, Count, Size
5 | Select-Object @{ n = 'Value'; e = { $_ } }, Count, Length
(5).Count, (5).Length -join ','
[pscustomobject]@{ Name = 'first'; Length = 10 }
[pscustomobject]@{ Name = 'second' }
Get-Date -Date '2024-03-05' | Select-Object Year, Count
