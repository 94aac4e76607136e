# Evidence: InvokeMemberExpressionAst implements ISupportsAssignment in pwsh (ast.cs at v7.6.5),
# so `$x.Item(…) = value` parses and sets a parameterized property (Compiler.cs
# InvokeMemberAssignableValue); a Hashtable's and a List's Item is their indexer, and
# Hashtable.Item(key) reads like $h[key]. An array has no Item property in pwsh's adapter, so
# assigning one fails with MethodNotFound (ParserStrings.resx).
$h = @{ a = 1 }
$h.Item('a')
$h.Item('b') = 2
$h.b
$h.Item('missing') -eq $null
$list = [System.Collections.Generic.List[string]]::new()
$list.Add('x')
$list.Item(0) = 'y'
$list.Item(0)
$o = [ordered]@{ first = 1; second = 2 }
$o.Item(1)
$grid = New-Object 'object[,]' 2, 2
$grid.Item(1, 1) = 5
'continues'
