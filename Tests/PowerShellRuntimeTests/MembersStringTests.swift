import XCTest
@testable import PowerShellRuntime

final class MembersStringTests: XCTestCase {
    /// (receiver, method, arguments, expected text with array items joined by "|").
    let rows: [(String, String, [Value], String)] = [
        ("abc", "Substring", [.int(1)], "bc"),
        ("abc", "Substring", [.string("1")], "bc"),
        ("abc", "substring", [.int(1), .int(1)], "b"),
        ("abc", "Substring", [.int(3)], ""),
        ("\u{1F600}x", "Substring", [.int(2)], "x"),
        ("Hello", "ToUpper", [], "HELLO"),
        ("Hello", "ToLowerInvariant", [], "hello"),
        ("  hi  ", "Trim", [], "hi"),
        ("xxhixx", "Trim", [.string("x")], "hi"),
        ("xxhixx", "TrimStart", [.char(0x78)], "hixx"),
        ("xxhiyx", "TrimEnd", [.string("x"), .string("y")], "xxhi"),
        ("hello", "IndexOf", [.string("l")], "2"),
        ("hello", "IndexOf", [.char(0x6C)], "2"),
        ("hello", "LastIndexOf", [.string("l")], "3"),
        ("hello", "IndexOf", [.string("L")], "-1"),
        ("hello", "IndexOf", [.string("L"), .string("OrdinalIgnoreCase")], "2"),
        ("hello", "IndexOf", [.string("l"), .int(3)], "3"),
        ("hello", "IndexOf", [.string("")], "0"),
        ("hello", "IndexOfAny", [MT.arr(.string("x"), .string("o"), .string("e"))], "1"),
        ("Hello", "Contains", [.string("ell")], "True"),
        ("Hello", "Contains", [.string("ELL")], "False"),
        ("Hello", "Contains", [.string("ELL"), .string("OrdinalIgnoreCase")], "True"),
        ("Hello", "StartsWith", [.string("He")], "True"),
        ("Hello", "StartsWith", [.string("he")], "False"),
        ("Hello", "StartsWith", [.string("he"), .string("CurrentCultureIgnoreCase")], "True"),
        ("Hello", "EndsWith", [.string("lo")], "True"),
        ("aXa", "Replace", [.string("a"), .string("b")], "bXb"),
        ("Hello", "Replace", [.string("L"), .string("x")], "Hello"),
        ("Hello", "Replace", [.string("L"), .string("x"), .string("OrdinalIgnoreCase")], "Hexxo"),
        ("a.b", "Replace", [.char(0x2E), .char(0x2D)], "a-b"),
        ("a,b,,c", "Split", [.string(",")], "a|b||c"),
        ("a,b,,c", "Split", [.string(","), .string("RemoveEmptyEntries")], "a|b|c"),
        ("a,b;c", "Split", [.string(",;")], "a,b;c"),
        ("a,b;c", "Split", [MT.arr(.string(","), .string(";"))], "a|b|c"),
        ("a b  c", "Split", [], "a|b||c"),
        ("a,b,c", "Split", [.string(","), .int(2)], "a|b,c"),
        (" a , b ", "Split", [.string(","), .string("TrimEntries")], "a|b"),
        ("a::b::c", "Split", [.string("::")], "a|b|c"),
        ("5", "PadLeft", [.int(3), .string("0")], "005"),
        ("5", "PadLeft", [.int(3)], "  5"),
        ("ab", "PadRight", [.int(4), .char(0x2E)], "ab.."),
        ("abc", "Insert", [.int(1), .string("X")], "aXbc"),
        ("abcdef", "Remove", [.int(2)], "ab"),
        ("abcdef", "Remove", [.int(1), .int(2)], "adef"),
        ("abc", "ToCharArray", [], "a|b|c"),
        ("abc", "Equals", [.string("ABC")], "False"),
        ("abc", "Equals", [.string("ABC"), .string("OrdinalIgnoreCase")], "True"),
        ("abc", "CompareTo", [.string("abd")], "-1"),
        ("a", "CompareTo", [.string("B")], "-1"),
        ("b", "CompareTo", [.string("a")], "1"),
        ("abc", "Chars", [.int(1)], "b"),
        ("abc", "ToString", [], "abc"),
    ]

    func testStringMethods() throws {
        for (s, m, args, expected) in rows {
            let r = try MT.call(.string(s), m, args)
            XCTAssertEqual(MT.text(r), expected, "'\(s)'.\(m)(\(args.map(MT.text)))")
        }
    }

    func testLengthCountsUTF16Units() throws {
        XCTAssertEqual(MT.text(try MT.prop(.string("\u{1F600}x"), "Length") ?? .null), "3")
        XCTAssertEqual(MT.text(try MT.prop(.string("Hello"), "length") ?? .null), "5")
    }

    func testResultTypes() throws {
        XCTAssertEqual(MT.type(try MT.call(.string("abc"), "ToCharArray", [])), "Char[]")
        XCTAssertEqual(MT.type(try MT.call(.string("a,b"), "Split", [.string(",")])), "String[]")
        XCTAssertEqual(MT.type(try MT.call(.string("abc"), "IndexOf", [.string("b")])), "Int32")
    }

    /// (receiver, method, arguments, FullyQualifiedErrorId, message), texts from pwsh's resources and .NET.
    let errorRows: [(Value, String, [Value], String, String)] = [
        (.string("abc"), "Substring", [.int(5)], "ArgumentOutOfRangeException",
         "Exception calling \"Substring\" with \"1\" argument(s): \"startIndex cannot be larger than length of string. (Parameter 'startIndex')\""),
        (.string("abc"), "substring", [.int(1), .int(5)], "ArgumentOutOfRangeException",
         "Exception calling \"Substring\" with \"2\" argument(s): \"Index and length must refer to a location within the string. (Parameter 'length')\""),
        (.string("abc"), "Substring", [.int(1), .int(2), .int(3)], "MethodCountCouldNotFindBest",
         "Cannot find an overload for \"Substring\" and the argument count: \"3\"."),
        (.string("abc"), "Frobnicate", [], "MethodNotFound",
         "Method invocation failed because [System.String] does not contain a method named 'Frobnicate'."),
        (.null, "ToString", [], "InvokeMethodOnNull", "You cannot call a method on a null-valued expression."),
        (.string("abc"), "Replace", [.string(""), .string("x")], "ArgumentException",
         "Exception calling \"Replace\" with \"2\" argument(s): \"The value cannot be an empty string. (Parameter 'oldValue')\""),
        (.string("abc"), "Remove", [.int(3)], "ArgumentOutOfRangeException",
         "Exception calling \"Remove\" with \"1\" argument(s): \"startIndex must be less than length of string. (Parameter 'startIndex')\""),
    ]

    func testErrors() {
        for (target, m, args, id, message) in errorRows {
            let f = MT.failure { try MT.call(target, m, args) }
            XCTAssertEqual(f?.0, id, "\(m)")
            XCTAssertEqual(f?.1, message, "\(m)")
        }
    }

    func testArgumentConversionError() {
        let f = MT.failure { try MT.call(.string("abc"), "Substring", [.string("x")]) }
        XCTAssertEqual(f?.0, "MethodArgumentConversionInvalidCastArgument")
        XCTAssertTrue(f?.1.hasPrefix("Cannot convert argument \"startIndex\", with value: \"x\", for \"Substring\" to type \"System.Int32\": ") ?? false, f?.1 ?? "")
    }

    func testStaticStringMembers() throws {
        XCTAssertEqual(MT.text(try MT.callStatic("string", "IsNullOrEmpty", [.string("")])), "True")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "IsNullOrEmpty", [.null])), "True")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "IsNullOrWhiteSpace", [.string(" \t")])), "True")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "Join", [.string(","), MT.arr(.int(1), .int(2), .int(3))])), "1,2,3")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "Join", [.string("-"), .string("a"), .string("b")])), "a-b")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "Concat", [.string("a"), .int(1)])), "a1")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "Format", [.string("{0}-{1}"), .string("a"), .int(2)])), "a-2")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "Compare", [.string("a"), .string("B")])), "-1")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "Compare", [.string("a"), .string("A"), .bool(true)])), "0")
        XCTAssertEqual(MT.text(try MT.getStatic("string", "Empty") ?? .null), "")
        XCTAssertEqual(MT.text(try MT.callStatic("string", "new", [.char(0x2D), .int(3)])), "---")
    }
}
