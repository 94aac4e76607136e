# Evidence: pwsh's type name grammar (Parser.cs GenericTypeArgumentsRule and GenericTypeNameRule
# at v7.6.5): generic arguments are written `[T1, T2]` or `[[T1], [T2]]`, may nest, and a
# bracketed argument may name its assembly after a comma (`[[System.String, mscorlib]]`,
# read by the tokenizer's GetAssemblyNameSpec); Type.Name of List<T> is List`1.
$a = [System.Collections.Generic.List[[System.String, mscorlib]]]::new()
$a.Add('one')
$a.Count
$a.GetType().Name
$b = [System.Collections.Generic.List[System.Collections.Generic.List[string]]]::new()
$inner = [System.Collections.Generic.List[string]]::new()
$inner.Add('x')
$b.Add($inner)
$b[0][0]
$c = [System.Collections.Generic.List[[int]]]::new()
$c.Add('5')
$c[0] + 1
[string[]]$names = 'a', 'b'
$names.GetType().Name
