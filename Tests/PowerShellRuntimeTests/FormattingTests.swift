import XCTest
@testable import PowerShellRuntime

/// Number text and format strings (num-format-operator, s08-currency-percent, num-arith-widening,
/// formatting/scalars).
final class FormattingTests: XCTestCase {
    func testDoubleText() {
        let rows: [(Double, String, UInt)] = [
            (0.1 + 0.2, "0.3", #line), (1.0 / 3, "0.333333333333333", #line), (2.0 / 3, "0.666666666666667", #line),
            (10.0 / 3, "3.33333333333333", #line), (1e20, "1E+20", #line), (1e15, "1E+15", #line), (1e14, "100000000000000", #line),
            (-0.0, "-0", #line), (.nan, "NaN", #line), (.infinity, "∞", #line), (-.infinity, "-∞", #line),
            (9.223372036854775807e18, "9.22337203685478E+18", #line), (2.5, "2.5", #line), (-3.5, "-3.5", #line),
            (1e-5, "1E-05", #line), (0.0001, "0.0001", #line), (123456789.123, "123456789.123", #line),
            (4294967294, "4294967294", #line), (3.14, "3.14", #line), (1.0, "1", #line),
        ]
        for (d, expected, line) in rows { XCTAssertEqual(NumberFormatting.format(d), expected, line: line) }
    }

    func testShortestDigitsAgreeWithG15() {
        // The fast path (Swift's shortest digits) must print what printf-rounded G15 prints.
        var rng = SystemRandomNumberGenerator()
        var samples: [Double] = [0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-5, 1e-7, 123.456, 9.999999999999999e14, 1e300, 5e-324, 0.000123]
        for _ in 0..<3000 { samples.append(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF)) }
        for _ in 0..<3000 { samples.append(Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / 1000) }
        for d in samples {
            let slow = NumberFormatting.general(NumberFormatting.DigitNumber(d, significant: 15), precision: 15, expChar: "E")
            XCTAssertEqual(NumberFormatting.format(d), slow, "\(d)")
        }
    }

    func testFormatOperatorTable() throws {
        let rows: [(String, Value, String, UInt)] = [
            // num-format-operator
            ("{0:N0}", T.i(1234567), "1,234,567", #line),
            ("{0:N2}", T.d(1234.5), "1,234.50", #line),
            ("{0:F3}", T.i(2), "2.000", #line),
            ("{0:P1}", T.d(0.256), "25.6%", #line),
            ("{0:X}", T.i(255), "FF", #line),
            ("{0:x4}", T.i(255), "00ff", #line),
            ("{0:D5}", T.i(42), "00042", #line),
            ("{0:0.00}", T.d(3.14159), "3.14", #line),
            ("{0:#,##0}", T.i(9876543), "9,876,543", #line),
            ("{0:E2}", T.d(12345.678), "1.23E+004", #line),
            // s08-currency-percent
            ("{0:C}", T.i(5), "$5.00", #line),
            ("{0:C2}", T.d(-1234.5), "-$1,234.50", #line),
            // more
            ("{0,5}", T.i(42), "   42", #line),
            ("{0,-5}|", T.i(42), "42   |", #line),
            ("{0:X8}", T.i(-1), "FFFFFFFF", #line),
            ("{0:N2}", T.m("1234.565"), "1,234.57", #line),
            ("{0:0.0%}", T.d(0.256), "25.6%", #line),
            ("{0:#.##}", T.d(3.14159), "3.14", #line),
            ("{0:00.00}", T.d(3.14159), "03.14", #line),
            ("{0:G}", T.d(0.1), "0.1", #line),
            // -f formats with .NET's own ToString: doubles round-trip.
            ("{0}", T.d(0.1 + 0.2), "0.30000000000000004", #line),
            ("{0}", T.d(1e20), "1E+20", #line),
            ("{0}", T.d(2.5), "2.5", #line),
            ("{0}", T.arr(T.i(1)), "System.Object[]", #line),
        ]
        for (f, v, expected, line) in rows {
            let args = [v]
            XCTAssertEqual(try CompositeFormat.format(f, args, hooks: nil), expected, f, line: line)
        }
    }

    func testToStringFormats() throws {
        let rows: [(Value, String, String, UInt)] = [
            // s08-currency-percent
            (T.d(0.125), "P", "12.500%", #line),
            (T.d(1234.5678), "N", "1,234.568", #line),
            (T.i(42), "000", "042", #line),
            (T.d(3.14159), "F2", "3.14", #line),
            // more
            // Doubles round their exact value, ties to even (PowerShell issue #16150, .NET Core 3.0+).
            (T.d(2.345), "F2", "2.35", #line),  // 2.34500000000000019984…
            (T.d(0.25), "F1", "0.2", #line),
            (T.d(0.35), "F1", "0.3", #line),
            (T.d(0.45), "F1", "0.5", #line),
            (T.d(0.75), "F1", "0.8", #line),
            (T.d(0.85), "F1", "0.8", #line),
            (T.d(0.075), "F2", "0.07", #line),
            (T.d(0.095), "F2", "0.10", #line),
            (T.d(0.005), "F2", "0.01", #line),
            (T.d(-0.5), "F0", "-0", #line),
            (T.d(-1.5), "F0", "-2", #line),
            (T.m("-0.5"), "F0", "-1", #line),
            (T.i(1234), "N0", "1,234", #line),
            (T.l(-42), "D4", "-0042", #line),
            (T.i(255), "x", "ff", #line),
            (T.d(1234.5), "0.###", "1234.5", #line),
            (T.d(-1234.5), "#,##0.00;(#,##0.00)", "(1,234.50)", #line),
            (T.d(0), "#,##0.00;(#,##0.00);zero", "zero", #line),
            (T.d(12345), "0.00E+00", "1.23E+04", #line),
            (T.i(5), "R", "5", #line),
            (T.d(0.1 + 0.2), "R", "0.30000000000000004", #line),
        ]
        for (v, f, expected, line) in rows {
            XCTAssertEqual(try NumberFormatting.toString(v, format: f), expected, "\(T.show(v)).ToString('\(f)')", line: line)
        }
    }

    func testCompositeFormatErrorMessages() {
        // .NET 8+ String.Format messages inside pwsh's "Error formatting a string: {0}."
        let prefix = "Error formatting a string: Input string was not in a correct format. Failure to parse near offset "
        let rows: [(String, String, UInt)] = [
            ("{", "1. Format item ends prematurely..", #line),
            ("}", "1. Format item ends prematurely..", #line),
            ("}a", "1. Unexpected closing brace without a corresponding opening brace..", #line),
            ("{a}", "1. Expected an ASCII digit..", #line),
            ("{0", "2. Format item ends prematurely..", #line),
            ("{0,x}", "3. Expected an ASCII digit..", #line),
            ("{0;}", "2. Format item ends prematurely..", #line),
            ("{0:a{}", "4. Format item ends prematurely..", #line),
        ]
        for (f, tail, line) in rows {
            XCTAssertThrowsError(try CompositeFormat.format(f, [T.i(1)], hooks: nil), f, line: line) { e in
                XCTAssertEqual((e as? RuntimeError)?.record.exception.message, prefix + tail, f, line: line)
            }
        }
        XCTAssertEqual(try CompositeFormat.format("{0 , -4 }|{{}}", [T.i(1)], hooks: nil), "1   |{}")
    }

    func testFormatErrors() {
        XCTAssertThrowsError(try CompositeFormat.format("{0", [T.i(1)], hooks: nil))
        XCTAssertThrowsError(try CompositeFormat.format("}", [], hooks: nil))
        XCTAssertThrowsError(try CompositeFormat.format("{0:D2}", [T.d(1.5)], hooks: nil))
        XCTAssertThrowsError(try CompositeFormat.format("{2}", [T.i(1)], hooks: nil)) { e in
            XCTAssertEqual((e as? RuntimeError)?.record.errorId, "FormatError")
        }
    }
}
