import XCTest
import TestSupport
import PowerShellSyntax
@testable import PowerShellRuntime

/// The evaluator (one compiler for every construct: slots, direct calls of simple functions,
/// in-place `+=`, lookup caches) against what pwsh 7.6 prints. Each row is a script and its
/// output (about_Assignment_Operators, about_Scopes, about_Arithmetic_Operators; oracle
/// semantics/s02-assignment-output, language/num-arith-widening; evaluation order from
/// Compiler.cs at v7.6.5).
final class EvaluatorTests: XCTestCase {
    private func run(_ source: String) -> String {
        let host = BufferHost()
        let context = ExecutionContext(host: host)
        context.nonInteractive = true
        _ = context.runTopLevel(SourceText(text: source, path: "/tmp/case/t.ps1"), asScriptFile: true)
        return host.output + host.errors
    }

    private let rows: [ScriptRow] = [
        // Increments as statements output nothing; in parentheses they do.
        ScriptRow("$i = 1; $i++; ($i++); $i; ++$i", "2\n3"),
        // Int32 overflow widens to Double (as `[int]::MaxValue + 1` does), also in compiled loops;
        // Int64 stays Int64.
        ScriptRow("$x = 2147483646; for ($k = 0; $k -lt 3; $k++) { $x += 1 }; $x; $x.GetType().Name", "2147483649\nDouble"),
        ScriptRow("$s = 0; for ($i = 1; $i -le 100000; $i++) { $s += $i }; $s; $s.GetType().Name", "5000050000\nDouble"),
        ScriptRow("$s = [long]0; for ($i = 1; $i -le 100000; $i++) { $s += $i }; $s; $s.GetType().Name", "5000050000\nInt64"),
        // `+=` on a variable of an outer scope reads it there and writes a local.
        ScriptRow("$n = 5; function f { $n += 1; $n }; f; $n", "6\n5"),
        // Appending in place never changes another variable holding the old string or array.
        ScriptRow("$a = 'x'; $b = $a; $a += 'y'; \"$a $b\"", "xy x"),
        ScriptRow("$a = @(1); $b = $a; $a += 2; \"$($a.Count) $($b.Count)\"", "2 1"),
        ScriptRow("$a = @(); for ($i = 0; $i -lt 3; $i++) { $a += $i }; $a -join ','", "0,1,2"),
        // A variable assigned in a function is local to it.
        ScriptRow("$v = 'outer'; function g { $v = 'inner'; $v }; g; $v", "inner\nouter"),
        // Simple functions: positional binding, typed parameters, defaults, $args.
        ScriptRow("function add([int]$a, [int]$b = 10) { $a + $b }; add 1 2; add '5'", "3\n15"),
        ScriptRow("function h($a) { \"$a|$($args -join ',')\" }; h 1 2 3", "1|2,3"),
        ScriptRow("function fib($n) { if ($n -lt 2) { return $n }; (fib ($n - 1)) + (fib ($n - 2)) }; fib 15", "610"),
        // A redefined function is called through its new definition.
        ScriptRow("function k { 1 }; k; function k { 2 }; k", "1\n2"),
        // The same expression finds a different variable when called from another scope.
        ScriptRow("$z = 1; function r { $z }; r; function s { $z = 3; r }; s; r", "1\n3\n1"),
        // Mixed Int32/Int64/Double comparisons and arithmetic.
        ScriptRow("[long]5 -gt 4; 2.5 + 1.5; 7 - [long]2", "True\n4\n5"),
        // `return` ends the function wherever it is: in an if, with no value, in a loop, in a
        // script block (about_Return).
        ScriptRow("function f($x) { if ($x) { return 'a' } else { 'b' }; 'c' }; f 1; f 0", "a\nb\nc"),
        ScriptRow("function g { 'x'; return; 'y' }; g", "x"),
        ScriptRow("function h { foreach ($i in 1..5) { if ($i -eq 3) { return $i } }; 'no' }; h", "3"),
        ScriptRow("& { if ($true) { return 5 }; 6 }; 'after'", "5\nafter"),
        ScriptRow("function w { $i = 0; while ($true) { $i++; if ($i -gt 2) { return $i } } }; w", "3"),
        // Compiled for/while loops: break and continue, labelled ones reaching outer loops,
        // and return from inside them (about_Break, about_Continue, about_For, about_While).
        ScriptRow("for ($i = 0; $i -lt 10; $i++) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }", "0\n1\n3"),
        ScriptRow(":outer for ($i = 0; $i -lt 3; $i++) { for ($j = 0; $j -lt 3; $j++) { if ($j -eq 1) { continue outer }; \"$i$j\" } }", "00\n10\n20"),
        ScriptRow(":outer while ($true) { $k = 0; while ($true) { $k++; if ($k -gt 2) { break outer } }; 'never' }; 'out'", "out"),
        ScriptRow("function fr { for ($i = 0; ; $i++) { if ($i -eq 5) { return \"at $i\" } } }; fr", "at 5"),
        ScriptRow("$n = 0; while ($n -lt 3) { $n++ }; $n; for (;;) { break }; 'done'", "3\ndone"),
        ScriptRow("foreach ($x in 1..3) { for ($i = 0; $i -lt 5; $i++) { if ($i -ge $x) { break } }; $i }", "1\n2\n3"),
        // Arguments are evaluated in the caller's scope, before the callee's parameters exist.
        ScriptRow("function p($n) { $n }; function q($n) { p ($n + 1) }; q 1", "2"),
        // A default may use the parameters before it; extra arguments go to $args.
        ScriptRow("function d($a, $b = $a * 2) { $b }; d 4; d 4 5", "8\n5"),
        ScriptRow("function e($a) { $args.Count }; e 1 2 3", "2"),
        // An argument that cannot be converted is a binding error naming the function.
        ScriptRow("function t([int]$a) { $a }; try { t 'x' } catch { $_.FullyQualifiedErrorId }", "ParameterArgumentTransformationError,t"),
        ScriptRow("function u([int]$a) { $a.GetType().Name }; u 7; u '8'; u 2.5", "Int32\nInt32\nInt32"),
        // Call scopes are recycled: nothing of one call is seen by the next, and a scope still
        // held (a closure, $MyInvocation) stays as it was.
        ScriptRow("function g($a) { if ($a) { $leak = 1 }; \"[$leak]\" }; g 1; g 0", "[1]\n[]"),
        ScriptRow("function outer { function inner { 'in' }; inner }; outer; outer; try { inner } catch { 'gone' }", "in\nin\ngone"),
        ScriptRow("function mk($x) { { $x }.GetNewClosure() }; $a = mk 1; $b = mk 2; & $a; & $b", "1\n2"),
        ScriptRow("function f($n) { if ($n -gt 0) { f ($n - 1) } else { $MyInvocation.MyCommand.Name } }; f 3", "f"),
        ScriptRow("function keep($x) { [ref]$x }; $r1 = keep 1; $r2 = keep 2; \"$($r1.Value) $($r2.Value)\"", "1 2"),
        // `(call)` collects the call's output: one object is itself, more are an object[].
        ScriptRow("function one { 1 }; function two { (one) + (one) }; (two) + (two)", "4"),
        ScriptRow("function arr { 1, 2, 3 }; (arr).Count; $x = (arr); $x.GetType().Name", "3\nObject[]"),
        ScriptRow("function many { 1; 2 }; $a = (many); $b = (many); \"$a|$b\"", "1 2|1 2"),
        ScriptRow("function none { }; $null -eq (none); @(none).Count", "True\n0"),
        // Automatic variables of a simple function exist when read, also through a nested
        // block and by name.
        ScriptRow("function f($a) { \"$a|$($args -join ',')|$($PSBoundParameters.Count)|$($MyInvocation.MyCommand.Name)\" }; f 1 2 3",
         "1|2,3|1|f"),
        ScriptRow("function f($a) { $a = 5; $PSBoundParameters['a'] }; f 1", "1"),
        ScriptRow("function g { @($input).Count }; g", "0"),
        // A [string] parameter takes a number argument as written, on every call path.
        ScriptRow("function s([string]$v) { $v }; s 9.0; s 1e2", "9.0\n1e2"),
        // Order of evaluation (pwsh's Compiler.cs): a compound assignment reads its target
        // before the right side; `=` evaluates a member's object first, an index target's
        // object and index after the right side; `++` evaluates its target once.
        ScriptRow("$x = 1; $x += ($x = 10); $x", "11"),
        ScriptRow("$s = 'a'; $s += ($s = 'b'); $s", "ab"),
        ScriptRow("$a = @(0, 0); $i = 0; $a[$i] = ($i = 1); \"$a $i\"", "0 1 1"),
        ScriptRow("$a = @(5, 5); $i = 0; $a[$i] += ($i = 1); \"$a $i\"", "6 5 1"),
        ScriptRow("$a = [pscustomobject]@{p = 1}; $b = [pscustomobject]@{p = 2}; $o = $a; $o.p = ($o = $b).p + 10; \"$($a.p) $($b.p)\"",
         "12 2"),
        ScriptRow("$a = @(1, 2); $i = 0; $a[$i++]++; \"$a $i\"", "2 2 1"),
        ScriptRow("function f($a, $b) { \"$a $b\" }; $i = 0; f ($i++) ($i++)", "0 1"),
        ScriptRow("function g { param($p) process { \"$_ $p\" } }; $i = 0; ($i++) | g ($i++)", "0 1"),
    ]

    func testEvaluatorMatchesPowerShell() {
        check(rows, errors: false) { row in ScriptResult(output: run(row.script), errors: "", errorId: nil) }
    }

    /// Statements that must print the same wherever they run: at the top level, under a
    /// `trap`, in a function and in a dot-sourced block (one evaluator, so one meaning).
    private let anywhere: [ScriptRow] = [
        ScriptRow("$x = 1; $x += ($x = 10); $x", "11"),
        ScriptRow("$a = @(5, 5); $i = 0; $a[$i] += ($i = 1); \"$a $i\"", "6 5 1"),
        ScriptRow("$s = ''; foreach ($c in 'a', 'b', 'c') { if ($c -eq 'b') { continue }; $s += $c }; $s", "ac"),
        ScriptRow("$n = 0; while ($true) { $n++; if ($n -ge 3) { break } }; $n", "3"),
        ScriptRow("switch (1, 2, 3) { 2 { 'two'; continue } default { \"d$_\" } }", "d1\ntwo\nd3"),
        ScriptRow("try { throw 'boom' } catch { \"caught $_\" } finally { 'fin' }", "caught boom\nfin"),
        ScriptRow("for ($i = 0; $i -lt 3; $i++) { \"$i\" }", "0\n1\n2"),
        ScriptRow("[int]$t = '5'; $t += 1; $t; $t.GetType().Name", "6\nInt32"),
        ScriptRow("$arr = 1, 2; $arr += 3; $arr.Count", "3"),
        ScriptRow("$i = 5; $i--; --$i; $i", "3"),
        ScriptRow("$v = $null; $v ??= 'd'; $v", "d"),
        ScriptRow("\"$(1 + 2) and $((1, 2).Count)\"", "3 and 2"),
        ScriptRow("$p, $q = 1, 2, 3; \"$p|$q\"", "1|2 3"),
        ScriptRow("$k = 0; do { $k++ } until ($k -ge 2); $k", "2"),
        ScriptRow(":o foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue o }; \"$i$j\" } }", "11\n21\n31"),
        ScriptRow("& { param($p) \"p=$p\" } 7", "p=7"),
        ScriptRow("function sq($v) { $v * $v }; sq 4; (sq 3) + 1", "16\n10"),
        ScriptRow("function r { foreach ($i in 1..9) { if ($i -eq 2) { return $i } } }; r", "2"),
        ScriptRow("$h = @{ a = 1 }; $h.b = 2; $h['c'] = 3; $h.Count; $h.b", "3\n2"),
        ScriptRow("$e = 0; $e = try { 1 / $e } catch { 'div' }; $e", "div"),
        ScriptRow("$u = 1; if ($u -eq 1) { 'one' } elseif ($u -eq 2) { 'two' } else { 'other' }", "one"),
        // Direct calls: as a statement, in ( ), on the right of =, with typed parameters,
        // leftover arguments, defaults and the automatic variables made on demand.
        ScriptRow("function f([int]$a, $b) { \"$a $b $($args.Count)\" }; f 1 2 3 4; $x = (f '5' 6); $x; $y = f 7; $y",
         "1 2 2\n5 6 0\n7  0"),
        ScriptRow("function bp($a, $b) { $PSBoundParameters.Keys -join ',' }; bp 1; (bp 1 2)", "a\na,b"),
        ScriptRow("function myinv { $MyInvocation.MyCommand.Name }; (myinv) + '!'", "myinv!"),
        ScriptRow("function fib($n) { if ($n -lt 2) { return $n }; (fib ($n - 1)) + (fib ($n - 2)) }; fib 10", "55"),
        ScriptRow("function d($p = 3) { $p * 2 }; d; d 4", "6\n8"),
        ScriptRow("function a1 { $args[1] }; a1 x y z", "y"),
        ScriptRow("function s2([int]$n) { $n = '7'; $n.GetType().Name }; s2 1", "Int32"),
        ScriptRow("function inner { 'i' }; function outer { inner; (inner) }; outer", "i\ni"),
        ScriptRow("function c { $v = 2; { $v }.GetNewClosure() }; $cl = c; & $cl", "2"),
        ScriptRow("function deep($n) { if ($n -gt 0) { deep ($n - 1) } else { 'bottom' } }; deep 50", "bottom"),
        // A literal right operand, with every kind of left operand and the overflow path.
        ScriptRow("$a = 2147483647; $a + 1; 'ab' * 2; 7 % 3; 1.5 - 1; 10 / 4; 3 -lt 2.5; $d = 1d; $d + 1; if ($a -gt 2) { 'gt' }; $s = 'x'; $s + 1",
         "2147483648\nabab\n1\n0.5\n2.5\nFalse\n2\ngt\nx1"),
    ]

    func testSameOutputAtTopLevelUnderTrapInFunctionAndDotSourced() {
        let forms: [(String, (String) -> String)] = [
            ("top level", { $0 }),
            ("under trap", { "trap { \"trapped: $_\"; continue }\n" + $0 }),
            ("in a function", { "function t {\n" + $0 + "\n}\nt" }),
            ("dot-sourced", { ". {\n" + $0 + "\n}" }),
        ]
        for (name, form) in forms {
            check(anywhere, errors: false) { row in ScriptResult(output: run(form(row.script)), errors: name, errorId: nil) }
        }
    }

    /// `Value` must keep a small fixed layout: a resilient or wide payload would make every
    /// copy a runtime call (see PSDecimal's boxed storage).
    func testValueLayoutStaysSmall() {
        XCTAssertLessThanOrEqual(MemoryLayout<Value>.size, 17)
    }
}

/// The short-list variable table behaves as a dictionary would.
final class VariableTableTests: XCTestCase {
    func testInsertReplaceRemoveAndGrow() {
        let table = VariableTable()
        XCTAssertTrue(table.isEmpty)
        let names = (0..<12).map { "v\($0)" }
        for (i, n) in names.enumerated() {
            table[n] = PSVariable(name: n, value: .int(Int32(i)))
            XCTAssertEqual(table.count, i + 1)
        }
        for (i, n) in names.enumerated() {
            guard case .int(let v)? = table[n]?.value else { return XCTFail("missing \(n)") }
            XCTAssertEqual(v, Int32(i))
        }
        table["v3"] = PSVariable(name: "v3", value: .string("x"))
        XCTAssertEqual(table.count, 12)
        XCTAssertNotNil(table.removeValue(forKey: "v0"))
        XCTAssertNil(table["v0"])
        XCTAssertEqual(Set(table.keys), Set(names.dropFirst()))
    }

    func testSmallTableKeepsOrderAndRemovesFirst() {
        let table = VariableTable()
        for n in ["a", "b", "c"] { table[n] = PSVariable(name: n, value: .null) }
        XCTAssertEqual(table.keys, ["a", "b", "c"])
        table["a"] = nil
        XCTAssertEqual(table.map(\.key), ["b", "c"])
        XCTAssertNil(table.removeValue(forKey: "zz"))
        table.removeValue(forKey: "b")
        table.removeValue(forKey: "c")
        XCTAssertTrue(table.isEmpty)
        table["d"] = PSVariable(name: "d", value: .null)
        XCTAssertEqual(table.values.map(\.name), ["d"])
    }
}

/// Slots are another way to the same variables: found by name, kept when the layout changes.
final class SlotLayoutTests: XCTestCase {
    func testSlotsAreFoundByNameAndSurviveANewLayout() {
        let table = VariableTable()
        table["x"] = PSVariable(name: "x", value: .int(1))
        table.adopt(SlotLayout(names: ["x", "y"], displayNames: ["x", "y"], parameterCount: 0))
        XCTAssertTrue(table.slot(0) === table["x"])
        XCTAssertNil(table.slot(1))
        table["y"] = PSVariable(name: "y", value: .int(2))
        XCTAssertTrue(table.slot(1) === table["y"])
        table.adopt(SlotLayout(names: ["z"], displayNames: ["z"], parameterCount: 0))
        XCTAssertNil(table.slot(0))
        XCTAssertEqual(Set(table.keys), ["x", "y"])
        guard case .int(2)? = table["y"]?.value else { return XCTFail("y lost") }
        table.removeValue(forKey: "x")
        XCTAssertEqual(table.keys, ["y"])
    }
}

/// The hashtable's own key index finds what a dictionary would.
final class HashKeyIndexTests: XCTestCase {
    func testManyKeysOfEveryKind() {
        let table = PSHashtable()
        for i in 0..<5000 { table.set(.string("k\(i)"), .int(Int32(i))) }
        for i in 0..<300 { table.set(.long(Int64(i) * 1_000_003), .int(Int32(i))) }
        table.set(.double(2.5), .string("d"))
        table.set(.bool(true), .string("t"))
        table.set(.null, .string("n"))
        XCTAssertEqual(table.keys.count, 5303)
        for i in stride(from: 0, to: 5000, by: 7) {
            guard case .int(let v)? = table[.string("K\(i)")] else { return XCTFail("k\(i)") }
            XCTAssertEqual(v, Int32(i))
        }
        // An Int32 finds the equal Int64 key, as numbers are one key kind here.
        guard case .int(let three)? = table[.int(3 * 1_000_003)] else { return XCTFail("3") }
        XCTAssertEqual(three, 3)
        XCTAssertNil(table[.string("k5000")])
        XCTAssertNotNil(table[.double(2.5)])
        XCTAssertNotNil(table[.bool(true)])
        XCTAssertNotNil(table[.null])
        table.set(.string("K10"), .string("replaced"))
        XCTAssertEqual(table.keys.count, 5303)
        XCTAssertFalse(table.add(.string("k10"), .null))
        table.remove(.string("k0"))
        XCTAssertNil(table[.string("k0")])
        guard case .string(let s)? = table[.string("k10")] else { return XCTFail("k10") }
        XCTAssertEqual(s, "replaced")
        XCTAssertEqual(table.keys.count, 5302)
    }
}
