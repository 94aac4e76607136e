# Evidence: pwsh resolves [tuple[...]] to System.Tuple`N (TypeResolver tries the System
# namespace), nested generic arguments in brackets (Parser.cs GenericTypeArgumentsRule at
# v7.6.5); a Tuple's public properties are Item1…ItemN (ITuple.Length is explicit), its
# ToString is "(a, b)", Tuple.Create infers the item types (the .NET System.Tuple docs).
$pair = [tuple[string,string]]::new('a', 'b')
$x = [tuple[[tuple[string,string]], int]]::new($pair, '5')
$x.Item2 + 1
$x.Item1.Item2
"$x"
$x.GetType().Name
$t = [tuple]::Create('k', 1)
$t.Item1
$t
