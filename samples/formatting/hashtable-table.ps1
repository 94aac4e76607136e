# Evidence: about_Hash_Tables (a hashtable or ordered dictionary prints as a Name/Value table,
# the Name column 30 wide, as samples/language/hashtables-ordered has it; [ordered] keeps the
# key order), oracle formatting/hashtable-list-display (Format-List shows Name and Value per
# entry).
'ordered:'
$h = [ordered]@{ Identity = 'Global'; Enabled = $true; Rank = 3 }
$h
