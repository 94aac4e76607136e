# Evidence: oracle formatting/mixed-types-sequence (objects of one type keep the first table's
# columns, a property the table lacks is dropped and a missing one is an empty cell; strings and
# numbers print as they are in the middle of the table, with no new header and no blank line),
# formatting/same-type-sequence.
[pscustomobject]@{ Name = 'Jay1'; Rank = 1 }
'text'
[pscustomobject]@{ Name = 'Jay2'; Other = 'x' }
7
[pscustomobject]@{ Name = 'Jay3'; Rank = 3 }
