# Evidence: about_Hash_Tables (Creating hashtables and ordered dictionaries, Keys/Values,
# Accessing values: member and index notation, dictionary integer index vs [Object] key,
# Iterating over keys and values, Adding and removing keys). Table layout of a dictionary
# (Name/Value columns of width 30) as in that page's outputs; later scalars print right under
# the open table, as in the oracle's formatting/mixed-types-sequence.
$hash = @{
    1       = 'one'
    2       = 'two'
    'three' = 3
}
$dictionary = [ordered]@{
    1       = 'one'
    2       = 'two'
    'three' = 3
}
$dictionary
$dictionary.Keys
$dictionary.Values
$hash.1
$dictionary.2
$hash['three']
$hash[2]
$dictionary[1]
$dictionary[[Object]1]
$dictionary['three']
$h = [ordered]@{ Number = 1; Shape = "Square"; Color = "Blue" }
foreach ($Key in $h.Keys) { "The value of '$Key' is: $($h[$Key])" }
$h.GetEnumerator() | ForEach-Object { "The value of '$($_.Key)' is: $($_.Value)" }
$t = @{}
$t["Time"] = "Now"
$t.Count
$t = $t + @{ Other = "Later" }
$t.Count
$t.Remove("Time")
$t.Keys
$t.Time -eq $null
