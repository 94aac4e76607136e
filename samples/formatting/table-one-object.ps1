# Evidence: oracle formatting/bools-nulls-in-tables and object-table-many (an object of fewer
# than 5 properties prints as a table: a blank line, the header, dashes, the row; each column
# as wide as its widest header or value, one space apart; strings left-aligned, numbers and
# booleans right-aligned with their header), formatting/scalars (a string before it prints as
# is).
'one policy:'
[pscustomobject]@{ Name = 'Jay1'; Policy = 'Global'; Enabled = $true; Rank = 10 }
