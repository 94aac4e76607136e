# Evidence: about_Member-Access_Enumeration (a member of the collection itself wins:
# List.Count; members only the items have are enumerated: Length, ToUpper(); a property no
# item has is $null; nested collections are enumerated, @(, ('bar', 'baz'), 'foo').ToUpper(); a dictionary key
# wins over a property), oracle semantics/s14-method-on-collection. An array's own Length wins
# over its items' (the List example above: the member of the collection is used).
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.Count
$Collection | ForEach-Object -Process { $_.Count }
$Collection.Length
$Collection.ToUpper()
$null -eq $Collection.DoesNotExist
$a = @(, ('bar', 'baz'), 'foo')
$a.Count
$a.ToUpper()
$users = @(
    [pscustomobject]@{ Name = 'Jay1'; Policy = 'Global' }
    [pscustomobject]@{ Name = 'Jay2'; Policy = 'Tag:Sales' }
)
$users.Name
($users.Name).GetType().Name
$users.Name -join ', '
$users.Name.Length
$h = @{ keys = 'a key named keys'; one = 1 }
$h.keys
