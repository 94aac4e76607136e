import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// Get-Random's seeded sequences are .NET's `System.Random(seed)` bytes mapped as pwsh's
/// PolymorphicRandomNumberGenerator maps them; the expected numbers are what pwsh printed
/// (oracle cmdlets/get-random-seed) and what .NET's Random gives.
final class RandomCmdletsTests: XCTestCase {
    func testDotNetSeededRandom() {
        var r = DotNetSeededRandom(seed: 42)
        XCTAssertEqual(r.internalSample(), 1_434_747_710)
        var r2 = DotNetSeededRandom(seed: 42)
        XCTAssertEqual(r2.next(100), 66)
        var r3 = DotNetSeededRandom(seed: Int32.min)
        _ = r3.internalSample()
    }

    func testGetRandomSeeded() {
        check([
            ScriptCase("Get-Random -SetSeed 42 -Maximum 100; Get-Random -Maximum 100", "17\n46"),
            ScriptCase("Get-Random -SetSeed 7 -Minimum 1 -Maximum 7", "6"),
            ScriptCase("Get-Random -SetSeed 1 -InputObject 'a', 'b', 'c', 'd'", "b"),
            ScriptCase("(Get-Random -SetSeed 3 -InputObject (1..10) -Count 3) -join ','", "1,6,5"),
            ScriptCase("@(Get-Random -SetSeed 5 -Maximum 10 -Count 3).Count", "3"),
        ], errors: false)
    }

    func testGetRandomRangesAndErrors() {
        check([
            ScriptCase("$x = Get-Random -Minimum 5 -Maximum 6; $x; $x.GetType().Name", "5\nInt32"),
            ScriptCase("(Get-Random -Minimum 5L -Maximum 6L).GetType().Name", "Int64"),
            ScriptCase("$d = Get-Random -Minimum 1.5 -Maximum 1.75; $d -ge 1.5 -and $d -lt 1.75; $d.GetType().Name", "True\nDouble"),
            ScriptCase("$d = Get-Random -Minimum '10' -Maximum '11'; $d", "10"),
            ScriptCase("$a = @(1..20 | Get-Random -Count 20); $s = 0; foreach ($x in $a) { $s += $x }; $a.Count; $s", "20\n210"),
            ScriptCase("@(Get-Random -InputObject 1,2,3 -Shuffle).Count", "3"),
            ScriptCase("try { Get-Random -Minimum 10 -Maximum 5 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
                       "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand\nThe Minimum value (10) cannot be greater than or equal to the Maximum value (5)."),
        ], errors: false)
    }

    func testNewGuid() {
        check([
            ScriptCase("(New-Guid).GetType().Name", "Guid"),
            ScriptCase("(New-Guid -Empty).ToString()", "00000000-0000-0000-0000-000000000000"),
            ScriptCase("(New-Guid -InputObject 'd910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9').Guid", "d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9"),
            ScriptCase("(New-Guid).ToString().Length", "36"),
        ], errors: false)
    }
}
