# Evidence: oracle formatting/format-list-long (a value wider than the line wraps under the
# value column, lines of 79 characters), format-list-multiline (each line of a multi-line value
# starts under the value column), format-list-options (labels padded to the longest name),
# numbers-in-tables (list entries of several objects are separated by a blank line).
@(
  [pscustomobject]@{ Identity = 'Tag:Long'; Description = ('ab' * 50) }
  [pscustomobject]@{ Identity = 'Tag:Lines'; Description = "first`nsecond" }
) | Format-List
