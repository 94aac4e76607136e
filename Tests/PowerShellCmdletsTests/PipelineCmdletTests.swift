import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// Pipeline cmdlets: Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object,
/// Measure-Object, Compare-Object, Get-Unique, Join-String. Each row: script, what pwsh 7.6
/// prints, id of the last error (nil: none).
final class PipelineCmdletTests: XCTestCase {
    static let people = "$p = @([pscustomobject]@{ Name = 'alpha'; Size = 5; Tags = @('x', 'y') }, [pscustomobject]@{ Name = 'beta'; Size = 15; Tags = @('y') }, [pscustomobject]@{ Name = 'gamma'; Size = 25; Tags = @() }); "

    /// Evidence: oracle cmdlets/where-object-forms (operator forms on the same data); docs
    /// reference/7.6 Where-Object (comparison parameters, -Not, -FilterScript, -InputObject
    /// takes the collection as one object); errors/binding-named-not-found (binding error stops
    /// only its statement).
    /// A function's -ErrorVariable / -WarningVariable collect what the commands it runs write;
    /// each command of a pipeline collects its own. Evidence: OutErrorVariable.Tests.ps1 and
    /// PipelineBehaviour.Tests.ps1 at v7.6.5 (a clean block's warning in -WarningVariable).
    func testCommonParameterVariablesOfFunctions() {
        check([
            ScriptCase("function f { [CmdletBinding()] param() Write-Warning 'w' }; f -WarningVariable wv 3>$null; \"[$wv]\"", "[w]"),
            ScriptCase("function f { [CmdletBinding()] param() end { } clean { Write-Warning 'c' } }; f -WarningVariable wv 3>$null; \"[$wv]\"", "[c]"),
            ScriptCase("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) process { $x; Write-Error \"e$x\" } }; (f 1 -ErrorVariable e1 | f -ErrorVariable e2) 2>$null; \"$e1|$e2\"",
                       "1\ne1|e1", "Microsoft.PowerShell.Commands.WriteErrorException,f"),
        ])
    }

    func testWhereObject() {
        let p = Self.people
        check([
            CmdletRow("(1..10 | Where-Object { $_ % 3 -eq 0 }) -join ','", "3,6,9"),
            CmdletRow("(1..5 | Where-Object -FilterScript { $_ -gt 3 }) -join ','", "4,5"),
            CmdletRow("(1, $null, 0, 'x', '' | Where-Object { $_ }).Count", "2"),
            CmdletRow(p + "($p | Where-Object Name -Match '^b').Name", "beta"),
            CmdletRow(p + "($p | Where-Object Name -NotLike 'a*').Name -join ','", "beta,gamma"),
            CmdletRow(p + "($p | Where-Object Name -Like 'B*').Name", "beta"),
            CmdletRow(p + "@($p | Where-Object Name -CLike 'B*').Count", "0"),
            CmdletRow(p + "($p | Where-Object Name -NotIn 'alpha', 'beta').Name", "gamma"),
            CmdletRow(p + "($p | Where-Object Tags -NotContains 'y').Name", "gamma"),
            CmdletRow(p + "($p | Where-Object Size -GE 15).Name -join ','", "beta,gamma"),
            CmdletRow(p + "($p | Where-Object Size -LT 15).Name", "alpha"),
            CmdletRow(p + "($p | Where-Object Size -NE 15).Name -join ','", "alpha,gamma"),
            CmdletRow(p + "($p | Where-Object Tags).Name -join ','", "alpha,beta"),
            CmdletRow(p + "($p | Where-Object -Not Tags).Name", "gamma"),
            CmdletRow("'Alpha', 'beta' | Where-Object Length -EQ 4", "beta"),
            CmdletRow("(Where-Object -InputObject (1, 2, 3) { $_.Count -eq 3 }).Count", "3"),
            CmdletRow("1 | Where-Object -NoSuch 1; 'next'", "next", "NamedParameterNotFound,Microsoft.PowerShell.Commands.WhereObjectCommand"),
        ])
    }

    /// The per-object fast paths (one-expression blocks run without an output pipe, the
    /// pipeline parameter held outside the bound table) give what the general path gives.
    /// Evidence: docs reference/7.6 Where-Object (the block's result is converted to Boolean:
    /// no output is false); about_Automatic_Variables ($PSItem is $_); about_Scopes (per-object
    /// blocks run in the caller's scope).
    func testPerObjectFastPaths() {
        check([
            CmdletRow("1..3 | Where-Object { @() }; 'end'", "end"),
            CmdletRow("(1..2 | Where-Object { 0, 0 }) -join ','", "1,2"),
            CmdletRow("(1..2 | ForEach-Object { $_, ($_ * 10) }) -join ','", "1,10,2,20"),
            CmdletRow("(1..3 | ForEach-Object { $_ } | Where-Object { $_ % 2 } | ForEach-Object { \"[$PSItem]\" }) -join ','", "[1],[3]"),
            CmdletRow("$n = 0; 1..4 | ForEach-Object { $n += $_ }; $n", "10"),
            CmdletRow("$k = 2; (1..6 | Where-Object { $_ % $k -eq 0 } | ForEach-Object { $_ * $k }) -join ','", "4,8,12"),
            // A parameter variable handed out by Get-Variable is never reused by the next call.
            CmdletRow("function getv($y) { Get-Variable y }; $v1 = getv 5; $v2 = getv 6; \"$($v1.Value) $($v2.Value)\"", "5 6"),
            // A range at the head of a pipeline is streamed, as pwsh's RangeEnumerator
            // (ParserOps.cs) streams it, so a huge one stopped by -First costs nothing.
            CmdletRow("(1..1000000000 | Select-Object -First 3) -join ','", "1,2,3"),
            CmdletRow("(3..1 | ForEach-Object { $_ }) -join ','; ('a'..'c' | ForEach-Object { $_ }) -join ','", "3,2,1\na,b,c"),
            // A recycled call scope does not keep the strict mode its last call set.
            CmdletRow("function s1 { Set-StrictMode -Version 2; 1 }; s1; function s2 { \"[$nope]\" }; s2", "1\n[]"),
            CmdletRow("function v { $a=1;$b=2;$c=3;$d=4;$e=5;$f=6;$g=7;$h=8;$i=9;$j=10; Remove-Variable c; \"$a $j $(Test-Path variable:c) $(Test-Path variable:d)\" }; v",
                      "1 10 False True"),
        ])
    }

    /// Evidence: oracle cmdlets/foreach-object-forms (member-name forms, -Process/-End, two
    /// positional blocks); docs reference/7.6 ForEach-Object (-Begin/-Process/-End, three
    /// positional blocks bind as begin/process/end, -MemberName with -ArgumentList).
    /// Per-object script blocks and the call stack print the same at the top level, under a
    /// `trap`, in a function and in a dot-sourced block (one evaluator, so one meaning).
    func testPerObjectBlocksAndCallStackAnywhere() {
        let rows = [
            CmdletRow("1..6 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 10 }", "20\n40\n60"),
            CmdletRow("1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }", "1\n3"),
            CmdletRow("function e { param($q) $q }; $r = @(1..3 | ForEach-Object { e $_ }); $r.Count", "3"),
            CmdletRow("$t = 0; 1..4 | ForEach-Object { $t += $_ }; $t", "10"),
            CmdletRow("1..4 | Where-Object { $_ -gt 2 } | ForEach-Object { \"[$PSItem]\" }", "[3]\n[4]"),
            CmdletRow("function m2 { (Get-PSCallStack)[0].FunctionName }; function m1 { m2 }; m1; (m1)", "m2\nm2"),
            CmdletRow("function p2($a, $b) { (Get-PSCallStack)[0].Arguments }; p2 1 2", "{a=1, b=2}"),
            CmdletRow("function adv { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) process { \"$x=$((Get-PSCallStack)[0].Command)\" } }; 1, 2 | adv",
             "1=adv\n2=adv"),
        ]
        let forms: [(String, (String) -> String)] = [
            ("top level", { $0 }),
            ("under trap", { "trap { \"trapped: $_\"; continue }\n" + $0 }),
            ("in a function", { "function t {\n" + $0 + "\n}\nt" }),
            ("dot-sourced", { ". {\n" + $0 + "\n}" }),
        ]
        for (_, form) in forms {
            check(rows.map { CmdletRow(form($0.script), $0.expected, line: $0.line) }, errors: false)
        }
    }

    func testForEachObject() {
        check([
            CmdletRow("1..3 | ForEach-Object -Begin { 'b' } -Process { $_ } -End { 'e' }", "b\n1\n2\n3\ne"),
            CmdletRow("1..2 | ForEach-Object { 'b' } { $_ } { 'e' }", "b\n1\n2\ne"),
            CmdletRow("'a' | ForEach-Object -MemberName ToUpper", "A"),
            CmdletRow("'a-b' | ForEach-Object -MemberName Split -ArgumentList '-'", "a\nb"),
            CmdletRow("[pscustomobject]@{ N = 'x' } | ForEach-Object N", "x"),
            CmdletRow("1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }", "1\n3"),
            CmdletRow("(1..3 | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum", "12"),
            CmdletRow("ForEach-Object -InputObject (1, 2) { $_.Count }", "2"),
        ])
    }

    /// A cmdlet runs in the scope its pipeline was built in, whichever command feeds it: the
    /// script block of ForEach-Object sees the caller's variables, not the upstream function's
    /// (pwsh's CommandProcessorBase sets the cmdlet's CommandScope). -PipelineVariable holds
    /// each object a command writes, in that scope, and is put back when the pipeline ends.
    /// Evidence: about_CommonParameters (-PipelineVariable), engine/ParameterBinding tests v7.6.5.
    func testCommandScopeAndPipelineVariable() {
        check([
            CmdletRow("function f { process { $x = 'inner'; $_ } }; $x = 'outer'; 1 | f | ForEach-Object { $x }", "outer"),
            CmdletRow("function f { process { $y = 'inner'; $_ } }; $n = 0; 1..3 | f | ForEach-Object { $n++ }; $n", "3"),
            CmdletRow("1..3 | ForEach-Object { $_ * 10 } -PipelineVariable pv | ForEach-Object { \"$pv/$_\" }", "10/10\n20/20\n30/30"),
            CmdletRow("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$i) begin { 'b' } process { \"p$i\" } }; 1, 2 | f -PipelineVariable v | ForEach-Object { $v }",
                      "b\np1\np2"),
            CmdletRow("$v = 'before'; 1 | ForEach-Object { 2 } -PipelineVariable v | Out-Null; $v; 1 | ForEach-Object { 3 } -PipelineVariable w | Out-Null; $null -eq $w",
                      "before\nTrue"),
        ])
    }

    /// Evidence: oracle cmdlets/select-object-more and select-object-errors; docs reference/7.6
    /// Select-Object (-SkipIndex, calculated properties with Name/Label/Expression and their
    /// abbreviations, -Unique case-sensitive unless -CaseInsensitive, added in 7.4; -First is
    /// ValidateRange(0, MaxValue)); v7.6.5 FormatAndOutput MshParameter.cs (an unknown
    /// hashtable key raises DictionaryKeyIllegal as a terminating binding error).
    func testSelectObject() {
        let o = "$o = [pscustomobject]@{ A = 1; B = 2; C = 3 }; "
        check([
            CmdletRow(o + "($o | Select-Object -Property * -ExcludeProperty B).PSObject.Properties.Name -join ','", "A,C"),
            CmdletRow(o + "$s = $o | Select-Object A, Missing; $s.PSObject.Properties.Name -join ','; $null -eq $s.Missing", "A,Missing\nTrue"),
            CmdletRow(o + "$o | Select-Object -ExpandProperty C", "3"),
            CmdletRow("(1..5 | Select-Object -First 2 -Skip 1) -join ','", "2,3"),
            CmdletRow("(1..5 | Select-Object -SkipIndex 0, 2) -join ','", "2,4,5"),
            CmdletRow("@(1..3 | Select-Object -First 0).Count", "0"),
            CmdletRow("('a', 'A', 'a' | Select-Object -Unique) -join ','", "a,A"),
            CmdletRow("('a', 'A', 'a' | Select-Object -Unique -CaseInsensitive) -join ','", "a"),
            CmdletRow("[pscustomobject]@{ A = 2 } | Select-Object @{ Name = 'D'; Expression = { $_.A * 2 } } | ForEach-Object D", "4"),
            CmdletRow("[pscustomobject]@{ A = 2 } | Select-Object @{ n = 'D'; e = 'A' } | ForEach-Object D", "2"),
            CmdletRow("[pscustomobject]@{ A = 2 } | Select-Object @{ Label = 'L'; Expression = { 'v' } } | ForEach-Object L", "v"),
            CmdletRow("([pscustomobject]@{ A = 2 } | Select-Object A, @{ n = 'B'; e = { 3 } }).PSObject.Properties.Name -join ','", "A,B"),
            CmdletRow("[pscustomobject]@{ A = 1 } | Select-Object @{ Name = 'D'; Expression = { 1 }; Foo = 1 }; 'next'", "next",
                      "DictionaryKeyIllegal,Microsoft.PowerShell.Commands.SelectObjectCommand"),
            CmdletRow("[pscustomobject]@{ A = 1 } | Select-Object -ExpandProperty Z; 'next'", "next",
                      "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand"),
            CmdletRow("1..3 | Select-Object -First -1; 'next'", "next",
                      "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SelectObjectCommand"),
            // SelectObjectQueue (Select-Object.cs at v7.6.5): -Last counts only the objects
            // after the -First ones; null input is no input; -Unique applies after them.
            CmdletRow("(1..5 | Select-Object -First 2 -Last 2) -join ','; (1..4 | Select-Object -First 2 -Last 3) -join ','", "1,2,4,5\n1,2,3,4"),
            CmdletRow("(1..6 | Select-Object -Last 2 -Skip 1) -join ','; (1..6 | Select-Object -Skip 2 -SkipLast 1) -join ','", "4,5\n3,4,5"),
            CmdletRow("@(1, $null, 2 | Select-Object).Count; @($null | Select-Object -Property A).Count", "2\n0"),
            CmdletRow("(1, 1, 2, 3 | Select-Object -First 2 -Unique) -join ','", "1"),
            CmdletRow("$o = [pscustomobject]@{ A = 1 }; $o = $o | Select-Object; $o = $o | Select-Object; $o.PSObject.TypeNames.Count; $o.PSObject.TypeNames[0]",
                      "3\nSelected.System.Management.Automation.PSCustomObject"),
            CmdletRow("'x' | Select-Object -Property {}; 'next'", "next",
                      "EmptyScriptBlockAndNoName,Microsoft.PowerShell.Commands.SelectObjectCommand"),
        ])
    }

    /// Evidence: oracle cmdlets/sort-object-more (culture order, -CaseSensitive, numbers vs
    /// strings, several keys, hashtable keys, -Top/-Bottom, $null first); docs reference/7.6
    /// Sort-Object (-Unique is case-insensitive, -Stable keeps input order; -Top and -Bottom are
    /// separate parameter sets); MshParameter.cs (DictionaryKeyIllegal for an unknown key).
    func testSortObject() {
        let p = "$p = @([pscustomobject]@{ N = 'x'; V = 2 }, [pscustomobject]@{ N = 'y'; V = 1 }, [pscustomobject]@{ N = 'z'; V = 2 }); "
        check([
            CmdletRow("('b', 'A', 'c', 'B' | Sort-Object -CaseSensitive) -join ','", "A,b,B,c"),
            CmdletRow(p + "($p | Sort-Object V, N | ForEach-Object N) -join ','", "y,x,z"),
            CmdletRow(p + "($p | Sort-Object V -Descending | ForEach-Object N) -join ','", "x,z,y"),
            CmdletRow(p + "($p | Sort-Object @{ e = 'V'; Descending = $true }, @{ e = 'N'; Descending = $false } | ForEach-Object N) -join ','", "x,z,y"),
            CmdletRow(p + "($p | Sort-Object { $_.N } -Descending | ForEach-Object N) -join ','", "z,y,x"),
            CmdletRow(p + "($p | Sort-Object V -Stable | ForEach-Object N) -join ','", "y,x,z"),
            CmdletRow("(3, 1, 2 | Sort-Object -Bottom 1) -join ','", "3"),
            CmdletRow("(3, 1, 3, 2 | Sort-Object -Unique) -join ','", "1,2,3"),
            CmdletRow("('a', 'A' | Sort-Object -Unique).Count", "1"),
            CmdletRow("$r = $null, 2, 1 | Sort-Object; $r.Count; $null -eq $r[0]; $r[2]", "3\nTrue\n2"),
            // $null sits below positive numbers and zero, above negative ones (pwsh's
            // CompareObjectToNull); ties come out as .NET's List.Sort leaves them (not stable);
            // ascending wins over descending, and both saying the same thing are ignored
            // (OrderObjectBase.cs, Sort-Object.Tests.ps1 at v7.6.5).
            CmdletRow("(8, $null, -2, 1 | Sort-Object | ForEach-Object { \"[$_]\" }) -join ','", "[-2],[],[1],[8]"),
            CmdletRow("$e = @([pscustomobject]@{ F = 'a'; L = 's' }, [pscustomobject]@{ F = 'b'; L = 's' }, [pscustomobject]@{ F = 'c'; L = 't' }); ($e | Sort-Object L -Descending -Unique | ForEach-Object F) -join ','",
                      "c,b"),
            CmdletRow("$e = @([pscustomobject]@{ F = 'a'; L = 's' }, [pscustomobject]@{ F = 'b'; L = 's' }, [pscustomobject]@{ F = 'c'; L = 't' }); ($e | Sort-Object L -Descending | ForEach-Object F) -join ','",
                      "c,b,a"),
            CmdletRow("(5, 15, 2 | Sort-Object @{ e = { $_ }; descending = $false; ascending = $false } -Descending) -join ','", "15,5,2"),
            CmdletRow("(5, 15, 2 | Sort-Object @{ e = { $_ }; descending = $false; ascending = $true } -Descending) -join ','", "2,5,15"),
            CmdletRow("3, 1 | Sort-Object -Top 1 -Bottom 1; 'next'", "next",
                      "AmbiguousParameterSet,Microsoft.PowerShell.Commands.SortObjectCommand"),
            CmdletRow("3, 1 | Sort-Object @{ Expression = 'V'; Foo = 1 }; 'next'", "next",
                      "DictionaryKeyIllegal,Microsoft.PowerShell.Commands.SortObjectCommand"),
        ])
    }

    /// Evidence: oracle cmdlets/group-object-more (script-block key, -AsHashTable, case,
    /// -NoElement); docs reference/7.6 Group-Object (-AsString makes string keys; several
    /// properties give a name joined with ', '; output is GroupInfo).
    func testGroupObject() {
        check([
            CmdletRow("$h = 1..6 | Group-Object { $_ % 2 } -AsHashTable -AsString; $h['1'] -join ','", "1,3,5"),
            CmdletRow("$g = 'a', 'b', 'a' | Group-Object | Where-Object Name -EQ 'a'; $g.Count; $g.Group -join ','", "2\na,a"),
            CmdletRow("('a' | Group-Object).GetType().Name", "GroupInfo"),
            CmdletRow("([pscustomobject]@{ A = 1; B = 2 } | Group-Object A, B).Name", "1, 2"),
            CmdletRow("$p = [pscustomobject]@{ N = 'x'; V = 2 }, [pscustomobject]@{ N = 'y'; V = 1 }, [pscustomobject]@{ N = 'z'; V = 2 }; ($p | Group-Object V | Where-Object Name -EQ '2').Group.N -join ','", "x,z"),
            CmdletRow("('a', 'A', 'b' | Group-Object).Count", "2"),
            CmdletRow("('a', 'a', 'b' | Group-Object -NoElement | ForEach-Object { \"$($_.Name):$($_.Count)\" }) -join ' '", "a:2 b:1"),
            // Checked with the first object (Group-Object.cs at v7.6.5): -AsString needs
            // -AsHashTable, which takes one property unless -AsString.
            CmdletRow("@() | Group-Object -AsString; 1 | Group-Object -AsString; 'next'", "next",
                      "ArgumentException,Microsoft.PowerShell.Commands.GroupObjectCommand"),
            CmdletRow("1 | Group-Object -AsHashTable { $_ }, { $_ }; 'next'", "next",
                      "ArgumentException,Microsoft.PowerShell.Commands.GroupObjectCommand"),
        ])
    }

    /// Evidence: oracle cmdlets/measure-object-more; docs reference/7.6 Measure-Object (-Line
    /// -Word -Character, -AllStats, -Maximum on strings); v7.6.5 Measure-Object.cs (a
    /// non-numeric input with -Sum writes NonNumericInputObject and is skipped; a missing
    /// -Property is only an error under Set-StrictMode 2+).
    func testMeasureObject() {
        check([
            CmdletRow("$m = 'a b', 'c' | Measure-Object -Line -Word -Character; \"$($m.Lines) $($m.Words) $($m.Characters)\"", "2 3 4"),
            CmdletRow("(1..3 | Measure-Object).Count", "3"),
            CmdletRow("$m = 1..4 | Measure-Object -AllStats; \"$($m.Sum) $($m.Average) $($m.Minimum) $($m.Maximum)\"", "10 2.5 1 4"),
            CmdletRow("('b', 'a', 'c' | Measure-Object -Maximum).Maximum", "c"),
            CmdletRow("('b', 'a', 'c' | Measure-Object -Minimum).Minimum", "a"),
            CmdletRow("(1, 'x', 3 | Measure-Object -Sum -ErrorAction SilentlyContinue).Sum", "4",
                      "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand"),
            CmdletRow("$m = [pscustomobject]@{ a = 1 } | Measure-Object b -Sum; $null -eq $m; 'next'", "True\nnext"),
            CmdletRow("Set-StrictMode -Version 2; $m = [pscustomobject]@{ a = 1 } | Measure-Object b -Sum; 'next'", "next",
                      "GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand"),
            // A wildcard property gives one result per property it resolves to, in the order
            // first met; a Hashtable's keys are its properties (Measure-Object.cs,
            // PSPropertyExpression.ResolveNames at v7.6.5).
            CmdletRow("[pscustomobject]@{ A1 = 1; A2 = 2; C = 3 }, [pscustomobject]@{ A1 = 1; A3 = 3 } | Measure-Object A* -Sum | ForEach-Object { \"$($_.Property):$($_.Count):$($_.Sum)\" }",
                      "A1:2:2\nA2:1:2\nA3:1:3"),
            CmdletRow("(@{ foo = 1 }, @{ foo = 3 } | Measure-Object -Sum fo*).Sum", "4"),
        ])
    }

    /// Evidence: oracle cmdlets/compare-object-more; docs reference/7.6 Compare-Object
    /// (-ExcludeDifferent implies -IncludeEqual, -PassThru returns the inputs, case-insensitive
    /// unless -CaseSensitive; -ReferenceObject is mandatory and does not take $null).
    func testCompareObject() {
        check([
            CmdletRow("(Compare-Object 'a', 'b' 'b', 'c' -ExcludeDifferent | ForEach-Object { \"$($_.InputObject)$($_.SideIndicator)\" }) -join ' '", "b=="),
            CmdletRow("(Compare-Object 'a', 'b' 'b', 'c' -IncludeEqual | Sort-Object SideIndicator | ForEach-Object SideIndicator) -join ' '", "<= == =>"),
            CmdletRow("(Compare-Object 'a', 'b' 'b', 'c' -PassThru | Sort-Object) -join ','", "a,c"),
            CmdletRow("@(Compare-Object 'a' 'A').Count", "0"),
            CmdletRow("@(Compare-Object 'a' 'A' -CaseSensitive).Count", "2"),
            CmdletRow("$r = Compare-Object ([pscustomobject]@{ n = 1 }) ([pscustomobject]@{ n = 2 }) -Property n | Sort-Object n; ($r | ForEach-Object { \"$($_.n)$($_.SideIndicator)\" }) -join ' '", "1<= 2=>"),
            CmdletRow("Compare-Object $null 'a'; 'next'", "next",
                      "ParameterArgumentValidationErrorNullNotAllowed,Microsoft.PowerShell.Commands.CompareObjectCommand"),
        ])
    }

    /// Evidence: docs reference/7.6 Get-Unique (compares adjacent items only; case-sensitive
    /// unless -CaseInsensitive, added in 7.4; -AsString; -OnType) and Join-String (no separator
    /// by default, -SingleQuote/-DoubleQuote, -OutputPrefix/-OutputSuffix, -FormatString,
    /// -Property as name or script block).
    func testGetUniqueAndJoinString() {
        check([
            CmdletRow("(1, 1, 2, 1 | Get-Unique) -join ','", "1,2,1"),
            CmdletRow("('a', 'A' | Get-Unique) -join ','", "a,A"),
            CmdletRow("('a', 'A' | Get-Unique -CaseInsensitive) -join ','", "a"),
            CmdletRow("(1, '1', 2 | Get-Unique -AsString) -join ','", "1,2"),
            CmdletRow("@(1, 2, 2, 3 | Get-Unique -OnType).Count", "1"),
            CmdletRow("1..3 | Join-String", "123"),
            CmdletRow("1..3 | Join-String -Separator '-'", "1-2-3"),
            CmdletRow("'a', 'b' | Join-String -SingleQuote -Separator ','", "'a','b'"),
            CmdletRow("'a', 'b' | Join-String -DoubleQuote -Separator ','", "\"a\",\"b\""),
            CmdletRow("'a', 'b' | Join-String -Separator ',' -OutputPrefix '[' -OutputSuffix ']'", "[a,b]"),
            CmdletRow("'a', 'b' | Join-String -FormatString '<{0}>'", "<a><b>"),
            CmdletRow("[pscustomobject]@{ N = 'x' }, [pscustomobject]@{ N = 'y' } | Join-String -Property N -Separator ';'", "x;y"),
            CmdletRow("1..3 | Join-String { $_ * 2 } -Separator ','", "2,4,6"),
            // The default separator is $OFS (Join-String.cs), which no session defines.
            CmdletRow("$OFS = '/'; 1..3 | Join-String", "1/2/3"),
        ])
    }
}
