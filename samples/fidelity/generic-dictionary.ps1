# Evidence: System.Collections.Generic.Dictionary<TKey,TValue> (the .NET docs): keys compare with
# the default comparer (exactly, for strings) unless a comparer such as
# [StringComparer]::OrdinalIgnoreCase is passed; Add of an existing key throws "An item with the
# same key has already been added. Key: {0}"; Remove and TryGetValue return bool; pwsh converts
# method arguments and indexer values to the type arguments, reads a missing key as $null
# (PSGetIndexBinder's TryGetValue at v7.6.5), and formats it as Key/Value pairs; Type.Name is
# Dictionary`2. `using namespace` makes the short name resolve (TypeInference.Tests.ps1).
using namespace System.Collections.Generic
$d = [Dictionary[[String],[String]]]::new()
$d.Add('a', 'x')
$d['B'] = 'y'
$d.Count
$null -eq $d['A']
$d.GetType().Name
$d.Remove('a')
$d.Remove('zz')
$n = [System.Collections.Generic.Dictionary[string,int]]::new()
$n['one'] = '1'
$n['one'] + 1
try { $n.Add('two', 'deux') } catch { $_.FullyQualifiedErrorId }
try { $n.Add('one', 5) } catch { $_.Exception.InnerException.Message }
$v = 0
$n.TryGetValue('one', [ref]$v)
$v
$n
$ci = [Dictionary[string,int]]::new([StringComparer]::OrdinalIgnoreCase)
$ci['K'] = 1
$ci['k']
