import XCTest
import PowerShellSyntax
@testable import PowerShellRuntime

/// The interpreter's fast paths (compiled expressions and blocks, the simple-function call
/// path, in-place `+=`, lookup caches) must give exactly what the general paths give. Each row
/// is a script and what pwsh 7.6 prints for it (about_Assignment_Operators,
/// about_Scopes, about_Arithmetic_Operators; oracle semantics/s02-assignment-output,
/// language/num-arith-widening).
final class FastPathTests: XCTestCase {
    private func run(_ source: String) -> String {
        let host = BufferHost()
        let context = ExecutionContext(host: host)
        context.nonInteractive = true
        _ = context.runTopLevel(SourceText(text: source, path: "/tmp/case/t.ps1"), asScriptFile: true)
        return host.output + host.errors
    }

    private let rows: [(source: String, expected: String, line: UInt)] = [
        // Increments as statements output nothing; in parentheses they do.
        ("$i = 1; $i++; ($i++); $i; ++$i", "2\n3\n", #line),
        // Int32 overflow widens to Double (as `[int]::MaxValue + 1` does), also in compiled loops;
        // Int64 stays Int64.
        ("$x = 2147483646; for ($k = 0; $k -lt 3; $k++) { $x += 1 }; $x; $x.GetType().Name", "2147483649\nDouble\n", #line),
        ("$s = 0; for ($i = 1; $i -le 100000; $i++) { $s += $i }; $s; $s.GetType().Name", "5000050000\nDouble\n", #line),
        ("$s = [long]0; for ($i = 1; $i -le 100000; $i++) { $s += $i }; $s; $s.GetType().Name", "5000050000\nInt64\n", #line),
        // `+=` on a variable of an outer scope reads it there and writes a local.
        ("$n = 5; function f { $n += 1; $n }; f; $n", "6\n5\n", #line),
        // Appending in place never changes another variable holding the old string or array.
        ("$a = 'x'; $b = $a; $a += 'y'; \"$a $b\"", "xy x\n", #line),
        ("$a = @(1); $b = $a; $a += 2; \"$($a.Count) $($b.Count)\"", "2 1\n", #line),
        ("$a = @(); for ($i = 0; $i -lt 3; $i++) { $a += $i }; $a -join ','", "0,1,2\n", #line),
        // A variable assigned in a function is local to it.
        ("$v = 'outer'; function g { $v = 'inner'; $v }; g; $v", "inner\nouter\n", #line),
        // Simple functions: positional binding, typed parameters, defaults, $args.
        ("function add([int]$a, [int]$b = 10) { $a + $b }; add 1 2; add '5'", "3\n15\n", #line),
        ("function h($a) { \"$a|$($args -join ',')\" }; h 1 2 3", "1|2,3\n", #line),
        ("function fib($n) { if ($n -lt 2) { return $n }; (fib ($n - 1)) + (fib ($n - 2)) }; fib 15", "610\n", #line),
        // A redefined function is called through its new definition.
        ("function k { 1 }; k; function k { 2 }; k", "1\n2\n", #line),
        // The same expression finds a different variable when called from another scope.
        ("$z = 1; function r { $z }; r; function s { $z = 3; r }; s; r", "1\n3\n1\n", #line),
        // Mixed Int32/Int64/Double comparisons and arithmetic.
        ("[long]5 -gt 4; 2.5 + 1.5; 7 - [long]2", "True\n4\n5\n", #line),
    ]

    func testFastPathsMatchPowerShell() {
        for row in rows {
            XCTAssertEqual(run(row.source), row.expected, "script: \(row.source)", line: row.line)
        }
    }
}
