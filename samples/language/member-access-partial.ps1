# Evidence: about_Member-Access_Enumeration ("Access members that exist on the collection and
# its items": List.ToString() is the list's own "System.Collections.Generic.List`1[System.String]";
# "Access properties that exist only on some items": the Capitalized ScriptProperty added to
# 'b' and 'c' gives B and C; "Collections containing PSCustomObject
# instances": when at least one object has the property, every PSCustomObject item without it
# gives $null, so ConvertTo-Json ($foo, $bar, $baz).Foo prints [ "Foo", null, null ]; the
# note on dictionaries: "$hashtable.psbase.Keys" returns the collection of the keys even when
# a key is named keys).
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.ToString()
$CapitalizedProperty = @{
    MemberType = 'ScriptProperty'
    Name       = 'Capitalized'
    Value      = { $this.ToUpper() }
    PassThru   = $true
}
[System.Collections.Generic.List[Object]]$MixedCollection = @(
    'a'
    ('b' | Add-Member @CapitalizedProperty)
    ('c' | Add-Member @CapitalizedProperty)
    'd'
)
$MixedCollection.Capitalized
$foo = [pscustomobject]@{ Foo = 'Foo' }
$bar = [pscustomobject]@{ Bar = 'Bar' }
$baz = [pscustomobject]@{ Baz = 'Baz' }
ConvertTo-Json ($foo, $bar, $baz).Foo
($foo, $bar, $baz).Foo.Count
$h = @{ keys = 'a key named keys'; one = 1 }
$h.psbase.Keys.Count
$h.psbase.Keys | Sort-Object
