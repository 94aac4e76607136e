import XCTest
import PowerShellSyntax
@testable import PowerShellRuntime

/// System.Decimal's value-and-scale model (PSDecimal). Expectations are .NET's documented
/// decimal behaviour (Decimal.Parse keeps the written digits; + and - take the larger scale,
/// * the sum of the scales capped at 28, / the shortest exact quotient up to 28 digits;
/// Math.Round sets the scale; ToString prints exactly the scale's digits) and pwsh 7.6 output
/// (the oracle's language/num-decimal, formatting/scalars, formatting/numbers-in-tables).
final class DecimalTests: XCTestCase {
    private func dec(_ s: String, line: UInt = #line) -> PSDecimal {
        guard let d = PSDecimal.parse(s) else { XCTFail("parse \(s)", line: line); return .zero }
        return d
    }

    func testParse() {
        let rows: [(String, String?, UInt)] = [
            ("1.50", "1.50", #line), ("1.10", "1.10", #line), ("0.000", "0.000", #line), ("-1.10", "-1.10", #line),
            ("+2.5", "2.5", #line), ("  2.5  ", "2.5", #line), ("42", "42", #line), ("007.10", "7.10", #line),
            ("1.", "1", #line), (".5", "0.5", #line), ("1e2", "100", #line), ("1.50e1", "15.0", #line),
            ("1.5E-3", "0.0015", #line), ("2.500e-1", "0.2500", #line),
            ("79228162514264337593543950335", "79228162514264337593543950335", #line),
            ("-79228162514264337593543950335", "-79228162514264337593543950335", #line),
            ("79228162514264337593543950336", nil, #line), ("1e29", nil, #line),
            // 28 digits after the point is the most; beyond, .NET rounds (half to even).
            ("0.1234567890123456789012345678", "0.1234567890123456789012345678", #line),
            ("0.12345678901234567890123456785", "0.1234567890123456789012345678", #line),
            // A 29-digit mantissa above 2^96 loses a digit of scale.
            ("7.9228162514264337593543950336", "7.922816251426433759354395034", #line),
            ("abc", nil, #line), ("", nil, #line), ("1.2.3", nil, #line), ("1e", nil, #line), ("-", nil, #line),
        ]
        for (text, expected, line) in rows {
            XCTAssertEqual(PSDecimal.parse(text)?.text, expected, "parse \(text)", line: line)
        }
    }

    func testArithmeticScale() {
        enum Op { case add, sub, mul, div, rem }
        let rows: [(String, Op, String, String?, UInt)] = [
            ("1.10", .add, "1", "2.10", #line), ("1.1", .add, "2.2", "3.3", #line), ("1.10", .sub, "1.10", "0.00", #line),
            ("1.5", .sub, "0.25", "1.25", #line), ("0.1", .add, "0.2", "0.3", #line),
            ("1.5", .mul, "2.0", "3.00", #line), ("0.1", .mul, "0.1", "0.01", #line), ("1.30", .mul, "1048576", "1363148.80", #line),
            ("3.14159", .mul, "2", "6.28318", #line), ("-1.5", .mul, "2", "-3.0", #line),
            // The sum of the scales past 28 rounds (half to even) at 28.
            ("1.0000000000000000000000000001", .mul, "1.0000000000000000000000000001", "1.0000000000000000000000000002", #line),
            ("10", .div, "4", "2.5", #line), ("1", .div, "3", "0.3333333333333333333333333333", #line),
            ("2", .div, "3", "0.6666666666666666666666666667", #line), ("10", .div, "3", "3.3333333333333333333333333333", #line),
            ("100", .div, "3", "33.333333333333333333333333333", #line), ("1.00", .div, "2", "0.50", #line),
            ("1.00", .div, "8", "0.125", #line), ("1", .div, "0.5", "2", #line), ("1.0", .div, "0.01", "100", #line),
            ("-7", .div, "2", "-3.5", #line), ("6.0", .div, "2.0", "3", #line),
            ("5.50", .rem, "2", "1.50", #line), ("-5.5", .rem, "2", "-1.5", #line), ("5", .rem, "2.0", "1.0", #line),
            ("79228162514264337593543950335", .add, "1", nil, #line), ("79228162514264337593543950335", .mul, "2", nil, #line),
            ("79228162514264337593543950335", .add, "0.5", nil, #line),
            ("79228162514264337593543950334", .add, "0.4", "79228162514264337593543950334", #line),
        ]
        for (a, op, b, expected, line) in rows {
            let x = dec(a, line: line), y = dec(b, line: line)
            let r: PSDecimal?
            switch op {
            case .add: r = PSDecimal.adding(x, y)
            case .sub: r = PSDecimal.subtracting(x, y)
            case .mul: r = PSDecimal.multiplying(x, y)
            case .div: r = PSDecimal.dividing(x, y)
            case .rem: r = PSDecimal.remainder(x, y)
            }
            XCTAssertEqual(r?.text, expected, "\(a) \(op) \(b)", line: line)
        }
    }

    func testRound() {
        let rows: [(String, Int, NSDecimalNumber.RoundingMode, String, UInt)] = [
            ("2.345", 2, .bankers, "2.34", #line), ("2.355", 2, .bankers, "2.36", #line), ("2.5", 0, .bankers, "2", #line),
            ("3.5", 0, .bankers, "4", #line), ("2.345", 2, .plain, "2.35", #line), ("-2.345", 2, .plain, "-2.35", #line),
            // Fewer digits than asked: unchanged, scale included.
            ("1.5", 3, .bankers, "1.5", #line), ("1.2500", 2, .bankers, "1.25", #line), ("1.2000", 1, .bankers, "1.2", #line),
            ("7", 2, .bankers, "7", #line),
        ]
        for (a, digits, mode, expected, line) in rows {
            XCTAssertEqual(dec(a, line: line).rounded(digits, mode).text, expected, "Round(\(a), \(digits))", line: line)
        }
        XCTAssertEqual(dec("1.50").integral(.down).text, "1")
        XCTAssertEqual(dec("-1.50").integral(.down).text, "-2")
        XCTAssertEqual(dec("1.50").integral(.up).text, "2")
    }

    func testConversions() {
        // (decimal)double: 15 significant digits, no trailing zeros.
        let doubles: [(Double, String?, UInt)] = [
            (1.5, "1.5", #line), (2, "2", #line), (0.1, "0.1", #line), (1e-5, "0.00001", #line), (-0.25, "-0.25", #line),
            (1.0 / 3.0, "0.333333333333333", #line), (123456789.123, "123456789.123", #line), (1e20, "100000000000000000000", #line),
            (0, "0", #line), (.nan, nil, #line), (.infinity, nil, #line), (1e29, nil, #line),
        ]
        for (d, expected, line) in doubles {
            XCTAssertEqual(PSDecimal(d)?.text, expected, "(decimal)\(d)", line: line)
        }
        XCTAssertEqual(PSDecimal(Int64(-42)).text, "-42")
        XCTAssertEqual(PSDecimal(UInt64.max).text, "18446744073709551615")
        XCTAssertEqual(dec("1.10").doubleValue, 1.1)
        XCTAssertEqual(PSDecimal(rounding: 1, scale: 3)?.text, "1.000")
        XCTAssertEqual(PSDecimal(normalizing: dec("2.50").value)?.text, "2.5")
    }

    func testEqualityIgnoresScale() {
        XCTAssertEqual(dec("1.10"), dec("1.1"))
        XCTAssertEqual(dec("1.10").hashValue, dec("1.1").hashValue)
        XCTAssertEqual(Set([dec("2"), dec("2.00"), dec("2.0")]).count, 1)
        XCTAssertLessThan(dec("1.09"), dec("1.1"))
        XCTAssertEqual((-dec("1.10")).text, "-1.10")
        XCTAssertEqual(dec("-1.10").magnitude.text, "1.10")
    }

    /// Literals, operators, casts and members as scripts (pwsh 7.6's output).
    func testScripts() {
        let rows: [(String, String, UInt)] = [
            ("1.10d", "1.10", #line), ("1.30Dmb", "1363148.80", #line), ("-1.5dkb", "-1536.0", #line), ("2dkb", "2048", #line),
            ("1.10d + 1", "2.10", #line), ("1.5d * 2.0d", "3.00", #line), ("1.1d + 2.2d", "3.3", #line),
            ("10d / 4", "2.5", #line), ("1d / 3", "0.3333333333333333333333333333", #line),
            ("[decimal]'3.14159' * 2", "6.28318", #line),
            // pwsh reads the string as a number first (a Double), so the cast drops the zero.
            ("[decimal]'1.50'", "1.5", #line), ("[decimal]::Parse('1.50')", "1.50", #line),
            ("[decimal]1.5", "1.5", #line), ("[decimal]2", "2", #line), ("1.5d + 0.25", "1.75", #line),
            ("[math]::Round(2.345d, 2)", "2.34", #line), ("[math]::Round(1.5d, 3)", "1.5", #line),
            ("[math]::Floor(1.50d)", "1", #line), ("[math]::Abs(-1.50d)", "1.50", #line), ("[math]::Max(1.0d, 1.00d)", "1.0", #line),
            ("\"$(1.10d)\"", "1.10", #line), ("(1.10d).ToString()", "1.10", #line), ("1.10d -eq 1.1d", "True", #line),
            ("5.50d % 2", "1.50", #line), ("-1.10d", "-1.10", #line), ("[string]0.000d", "0.000", #line),
            ("12345678901234567890", "12345678901234567890", #line),
            ("[decimal]::Add(1.10d, 2)", "3.10", #line), ("[decimal]::Multiply(1.10d, 2.0d)", "2.200", #line),
            ("[decimal]::Divide(1, 4)", "0.25", #line), ("[decimal]::Round(1.255d, 2)", "1.26", #line),
            ("[decimal]::Truncate(-1.75d)", "-1", #line), ("[decimal]::Negate(1.10d)", "-1.10", #line),
            ("@{ 1.10d = 'a' }[1.1d]", "a", #line), ("$x = 1.10d; $x += 1; $x++; $x", "3.10", #line),
        ]
        for (source, expected, line) in rows {
            let host = BufferHost()
            let context = ExecutionContext(host: host)
            context.nonInteractive = true
            _ = context.runTopLevel(SourceText(text: source, path: "/tmp/case/t.ps1"), asScriptFile: true)
            XCTAssertEqual(host.output, expected + "\n", source, line: line)
        }
    }
}
