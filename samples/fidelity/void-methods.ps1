# Evidence: a .NET method declared void returns AutomationNull in pwsh, which writes nothing to
# the pipeline (about_Automatic_Variables on $null vs AutomationNull; Hashtable.Add/Remove/Clear,
# List<T>.Add/Clear/Insert, ArrayList.Remove are void in .NET, List<T>.Remove returns bool and
# ArrayList.Add the new index); a method returning null still writes $null. Class methods
# without a return type are void (about_Classes).
$h = @{}
@($h.Add('a', 1)).Count
$list = [System.Collections.Generic.List[int]]::new()
$out = 1..3 | ForEach-Object { $list.Add($_) }
$null -eq $out
$list.Count
@(foreach ($i in 4..5) { $list.Add($i) }).Count
$list.Remove(4)
$list.Remove(42)
$al = [System.Collections.ArrayList]::new()
$al.Add('x')
@($al.Remove('x')).Count
@($h.Remove('a')).Count
@([Environment]::GetEnvironmentVariable('TEAMSH_NO_SUCH_VARIABLE')).Count
class Counter {
    [int]$N
    Bump() { $this.N++ }
    [int] Next() { $this.N++; return $this.N }
}
$c = [Counter]::new()
@($c.Bump()).Count
$c.Next()
