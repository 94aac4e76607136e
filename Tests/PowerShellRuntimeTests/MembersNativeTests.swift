import XCTest
@testable import PowerShellRuntime

final class MembersNativeTests: XCTestCase {
    private func date(_ s: String) throws -> Value {
        guard let d = PSDateTime.parse(s) else { throw XCTSkip("unparsed \(s)") }
        return .object(d)
    }

    private func p(_ v: Value, _ name: String) throws -> String {
        MT.text(try MT.prop(v, name) ?? .string("<nil>"))
    }

    /// oracle language/datetime-basic.
    func testDateTimeBasics() throws {
        let d = try date("2024-03-05 14:07:09")
        XCTAssertEqual(try p(d, "Year"), "2024")
        XCTAssertEqual(try p(d, "Month"), "3")
        XCTAssertEqual(try p(d, "DayOfWeek"), "Tuesday")
        XCTAssertEqual(try p(d, "DayOfYear"), "65")
        XCTAssertEqual(try p(d, "Ticks"), "638452444290000000")
        XCTAssertEqual(try p(d, "Kind"), "Unspecified")
        XCTAssertEqual(try p(d, "TimeOfDay"), "14:07:09")
        XCTAssertEqual(try p(d, "DateTime"), "Tuesday, March 5, 2024 2:07:09\u{202F}PM")
        XCTAssertEqual(Members.dotnetToString(try MT.prop(d, "Date") ?? .null, hooks: MT.hooks), "3/5/2024 12:00:00\u{202F}AM")
        XCTAssertEqual(MT.text(d), "03/05/2024 14:07:09")
        XCTAssertEqual(MT.text(try MT.call(d, "ToString", [])), "3/5/2024 2:07:09\u{202F}PM")
        XCTAssertEqual(MT.text(try MT.call(d, "ToString", [.string("yyyy-MM-dd HH:mm:ss")])), "2024-03-05 14:07:09")
        XCTAssertEqual(MT.text(try MT.call(try MT.call(d, "AddDays", [.int(30)]), "ToString", [.string("yyyy-MM-dd")])), "2024-04-04")
        XCTAssertEqual(try p(try MT.call(d, "AddHours", [.int(-15)]), "Day"), "4")
        XCTAssertEqual(MT.text(try MT.call(d, "ToString", [.string("dddd, MMMM d")])), "Tuesday, March 5")
        let span = try MT.call(try date("2024-03-01"), "Subtract", [try date("2024-02-01")])
        XCTAssertEqual(try p(span, "Days"), "29")
        XCTAssertEqual(Members.propertyNames(d).first, "Date")
    }

    /// .NET's standard and custom format strings (en-US).
    func testDateTimeFormats() throws {
        let d = try date("2024-03-05T14:07:09.1234567")
        let rows: [(String, String)] = [
            ("d", "3/5/2024"), ("D", "Tuesday, March 5, 2024"), ("t", "2:07\u{202F}PM"), ("T", "2:07:09\u{202F}PM"),
            ("g", "3/5/2024 2:07\u{202F}PM"), ("G", "3/5/2024 2:07:09\u{202F}PM"), ("s", "2024-03-05T14:07:09"),
            ("o", "2024-03-05T14:07:09.1234567"), ("M", "March 5"), ("y", "March 2024"),
            ("F", "Tuesday, March 5, 2024 2:07:09\u{202F}PM"), ("yyyy-MM-ddTHH:mm:ss", "2024-03-05T14:07:09"),
            ("fff", "123"), ("ddd MMM yy", "Tue Mar 24"), ("hh:mm tt", "02:07 PM"), ("HH\\h", "14h"),
            ("'Day' d", "Day 5"), ("%d", "5"), ("ss.FFF", "09.123"),
        ]
        for (f, expected) in rows {
            XCTAssertEqual(MT.text(try MT.call(d, "ToString", [.string(f)])), expected, f)
        }
        let utc = try MT.callStatic("datetime", "SpecifyKind", [d, .string("Utc")])
        XCTAssertEqual(MT.text(try MT.call(utc, "ToString", [.string("u")])), "2024-03-05 14:07:09Z")
        XCTAssertEqual(MT.text(try MT.call(utc, "ToString", [.string("o")])), "2024-03-05T14:07:09.1234567Z")
    }

    func testDateTimeParsing() throws {
        let rows: [(String, String)] = [
            ("2024-03-05", "03/05/2024 00:00:00"), ("3/5/2024", "03/05/2024 00:00:00"),
            ("03/05/2024 2:07 PM", "03/05/2024 14:07:00"), ("March 5, 2024", "03/05/2024 00:00:00"),
            ("5 March 2024 14:07", "03/05/2024 14:07:00"), ("2024/03/05 14:07:09", "03/05/2024 14:07:09"),
        ]
        for (s, expected) in rows {
            XCTAssertEqual(PSDateTime.parse(s).map { $0.toPSString() }, expected, s)
        }
        XCTAssertNil(PSDateTime.parse("not a date"))
        let exact = try MT.callStatic("datetime", "ParseExact", [.string("05.03.2024"), .string("dd.MM.yyyy"), .null])
        XCTAssertEqual(MT.text(exact), "03/05/2024 00:00:00")
        let f = MT.failure { try MT.callStatic("datetime", "Parse", [.string("nope")]) }
        XCTAssertEqual(f?.0, "FormatException")
        XCTAssertEqual(f?.1, "Exception calling \"Parse\" with \"1\" argument(s): \"String 'nope' was not recognized as a valid DateTime.\"")
        let made = try MT.callStatic("datetime", "new", [.int(2024), .int(1), .int(15), .int(10), .int(30), .int(0)])
        XCTAssertEqual(MT.text(made), "01/15/2024 10:30:00")
        XCTAssertEqual(try p(try MT.call(made, "AddMonths", [.int(1)]), "Month"), "2")
        let jan31 = try MT.callStatic("datetime", "new", [.int(2024), .int(1), .int(31)])
        XCTAssertEqual(try p(try MT.call(jan31, "AddMonths", [.int(1)]), "Day"), "29")
    }

    func testTimeSpan() throws {
        guard let t = PSTimeSpan.parse("01:30:00") else { return XCTFail() }
        let v = Value.object(t)
        XCTAssertEqual(try p(v, "TotalHours"), "1.5")
        XCTAssertEqual(try p(v, "TotalMinutes"), "90")
        XCTAssertEqual(try p(v, "TotalDays"), "0.0625")
        XCTAssertEqual(try p(v, "Ticks"), "54000000000")
        XCTAssertEqual(MT.text(v), "01:30:00")
        XCTAssertEqual(MT.text(try MT.callStatic("timespan", "FromSeconds", [.int(90061)])), "1.01:01:01")
        XCTAssertEqual(MT.text(try MT.callStatic("timespan", "FromMilliseconds", [.double(1.5)])), "00:00:00.0015000")
        XCTAssertEqual(MT.text(try MT.callStatic("timespan", "new", [.int(1), .int(2), .int(3)])), "01:02:03")
        XCTAssertEqual(MT.text(try MT.call(v, "Negate", [])), "-01:30:00")
        XCTAssertEqual(MT.text(try MT.call(v, "ToString", [.string("hh\\:mm")])), "01:30")
        XCTAssertEqual(MT.text(try MT.call(v, "ToString", [.string("g")])), "1:30:00")
        XCTAssertEqual(PSTimeSpan.parse("1.02:03:04")?.toPSString(), "1.02:03:04")
        XCTAssertEqual(PSTimeSpan.parse("5")?.toPSString(), "5.00:00:00")
        let f = MT.failure { try MT.call(v, "ToString", [.string("hh:mm")]) }
        XCTAssertEqual(f?.0, "FormatException")
    }

    /// oracle language/version-type.
    func testVersion() throws {
        guard let v = PSVersion.parse("7.7.0") else { return XCTFail() }
        let vv = Value.object(v)
        XCTAssertEqual(try p(vv, "Major"), "7")
        XCTAssertEqual(try p(vv, "Build"), "0")
        XCTAssertEqual(try p(vv, "Revision"), "-1")
        XCTAssertEqual(MT.text(vv), "7.7.0")
        XCTAssertEqual(PSVersion.parse("2.6.0")?.order(PSVersion.parse("2.10.0") ?? v), -1)
        XCTAssertEqual(PSVersion.parse("10.0")?.order(PSVersion.parse("9.9.9") ?? v), 1)
        XCTAssertEqual(MT.text(try MT.call(.object(PSVersion(1, 2, 3)), "CompareTo", [.object(PSVersion(1, 2, 4))])), "-1")
        XCTAssertEqual(try p(try MT.callStatic("version", "new", [.int(1), .int(2), .int(3)]), "Revision"), "-1")
        XCTAssertNil(PSVersion.parse("abc"))
        XCTAssertNil(PSVersion.parse("7"))
        XCTAssertEqual(MT.text(try MT.call(vv, "ToString", [.int(2)])), "7.7")
        XCTAssertEqual(Members.defaultDisplayProperties(vv), ["Major", "Minor", "Build", "Revision"])
    }

    /// oracle language/guid-type.
    func testGuid() throws {
        let text = "d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9"
        guard let g = PSGuid.parse(text) else { return XCTFail() }
        XCTAssertEqual(MT.text(try MT.call(.object(g), "ToString", [])), text)
        XCTAssertEqual(try p(.object(g), "Guid"), text)
        XCTAssertEqual(MT.text(try MT.call(.object(g), "ToString", [.string("N")])), text.replacingOccurrences(of: "-", with: ""))
        XCTAssertEqual(MT.text(try MT.call(.object(g), "ToString", [.string("B")])), "{\(text)}")
        XCTAssertEqual(MT.text(try MT.getStatic("guid", "Empty") ?? .null), "00000000-0000-0000-0000-000000000000")
        XCTAssertEqual(MT.text(try MT.callStatic("guid", "NewGuid", [])).utf16.count, 36)
        PSGuid.seed(42)
        let first = MT.text(try MT.callStatic("guid", "NewGuid", []))
        PSGuid.seed(42)
        XCTAssertEqual(MT.text(try MT.callStatic("guid", "NewGuid", [])), first)
        XCTAssertEqual(Array(first)[14], "4")
        PSGuid.generator = { (0..<16).map { _ in UInt8.random(in: 0...255) } }
        XCTAssertEqual(PSGuid.parse("{\(text.uppercased())}")?.toPSString(), text)
    }

    /// oracle language/stringbuilder.
    func testStringBuilder() throws {
        let sb = try MT.callStatic("System.Text.StringBuilder", "new", [])
        _ = try MT.call(sb, "Append", [.string("a")])
        let chained = try MT.call(try MT.call(sb, "Append", [.string("b")]), "Append", [.string("c")])
        XCTAssertTrue(chained.reference === sb.reference)
        _ = try MT.call(sb, "AppendLine", [.string("d")])
        XCTAssertEqual(MT.text(try MT.prop(try MT.call(sb, "ToString", []), "Length") ?? .null), "5")
        XCTAssertEqual(try p(sb, "Length"), "5")
        XCTAssertEqual(MT.text(sb), "abcd\n")
        _ = try MT.call(sb, "Clear", [])
        _ = try MT.call(sb, "AppendFormat", [.string("{0}+{1}"), .int(1), .int(2)])
        _ = try MT.call(sb, "Insert", [.int(0), .string(">")])
        _ = try MT.call(sb, "Replace", [.string("+"), .string("-")])
        XCTAssertEqual(MT.text(sb), ">1-2")
        try Members.setProperty(sb, "Length", .int(2), hooks: MT.hooks)
        XCTAssertEqual(MT.text(sb), ">1")
    }

    /// oracle language/regex-type.
    func testRegex() throws {
        XCTAssertEqual(MT.text(try MT.prop(try MT.callStatic("regex", "Matches", [.string("a1b22c333"), .string("\\d+")]), "Value") ?? .null), "1|22|333")
        XCTAssertEqual(MT.text(try MT.callStatic("regex", "Replace", [.string("hello"), .string("l+"), .string("L")])), "heLo")
        XCTAssertEqual(MT.text(try MT.callStatic("regex", "Escape", [.string("a.b*c")])), "a\\.b\\*c")
        XCTAssertEqual(MT.text(try MT.callStatic("regex", "IsMatch", [.string("abc"), .string("^a")])), "True")
        let re = try MT.callStatic("regex", "new", [.string("(\\w)(\\d)")])
        let groups = try MT.prop(try MT.call(re, "Match", [.string("x5")]), "Groups") ?? .null
        XCTAssertEqual(MT.text(try MT.prop(try Members.index(groups, .int(2), hooks: MT.hooks) ?? .null, "Value") ?? .null), "5")
        XCTAssertEqual(MT.text(try MT.call(try MT.callStatic("regex", "new", [.string("\\d")]), "Split", [.string("a1b2c")])), "a|b|c")
        let named = try MT.call(try MT.callStatic("regex", "new", [.string("(?<word>[a-z]+)")]), "Match", [.string("12 abc")])
        XCTAssertEqual(MT.text(try MT.prop(try Members.index(try MT.prop(named, "Groups") ?? .null, .string("word"), hooks: MT.hooks) ?? .null, "Value") ?? .null), "abc")
        let none = try MT.callStatic("regex", "Match", [.string("abc"), .string("x")])
        XCTAssertEqual(try p(none, "Success"), "False")
    }

    func testCredential() throws {
        let pw = PSSecureString("p@ss")
        let cred = try MT.callStatic("pscredential", "new", [.string("CONTOSO\\admin"), .object(pw)])
        XCTAssertEqual(try p(cred, "UserName"), "CONTOSO\\admin")
        XCTAssertEqual(try p(try MT.prop(cred, "Password") ?? .null, "Length"), "4")
        XCTAssertEqual(MT.text(try MT.prop(cred, "Password") ?? .null), "System.Security.SecureString")
        let net = try MT.call(cred, "GetNetworkCredential", [])
        XCTAssertEqual(try p(net, "Password"), "p@ss")
        XCTAssertEqual(try p(net, "UserName"), "admin")
        XCTAssertEqual(try p(net, "Domain"), "CONTOSO")
    }

    func testOperatorsAndConversions() throws {
        Members.registerNativeConversions()
        let a = try Conversion.convert(.string("2024-03-01"), to: TypeResolver.datetime)
        let b = try Conversion.convert(.string("2024-02-01"), to: TypeResolver.datetime)
        guard case .object(let o) = a, let d = o as? PSDateTime else { return XCTFail() }
        let diff = try d.binaryOperator("op_Subtraction", b) ?? .null
        XCTAssertEqual(try p(diff, "Days"), "29")
        XCTAssertEqual(d.compare(to: b), 1)
        XCTAssertEqual(MT.text(try Conversion.convert(.string("01:30:00"), to: TypeResolver.timespan)), "01:30:00")
        let v1 = try Conversion.convert(.string("1.10"), to: TypeResolver.version)
        let v2 = try Conversion.convert(.string("1.9"), to: TypeResolver.version)
        XCTAssertEqual((v1.reference as? PSNativeObject)?.compare(to: v2), 1)
        XCTAssertEqual((v1.reference as? PSNativeObject)?.isEqual(to: try Conversion.convert(.string("1.10"), to: TypeResolver.version)), true)
    }

    func testScalarIndexing() throws {
        let d = Value.object(PSVersion(1, 2))
        XCTAssertTrue(try MT.call(d, "get_Item", [.int(0)]).reference === d.reference)
        XCTAssertTrue(try MT.call(d, "get_Item", [.int(1)]).isNull)
    }
}
