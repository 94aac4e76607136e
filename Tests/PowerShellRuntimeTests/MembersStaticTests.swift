import XCTest
@testable import PowerShellRuntime

final class MembersStaticTests: XCTestCase {
    /// oracle language/math-type, plus .NET's result types.
    let mathRows: [(String, [Value], String, String)] = [
        ("Round", [.double(2.345), .int(2)], "2.35", "Double"),
        ("Round", [.double(-1.5)], "-2", "Double"),
        ("Round", [.double(2.5)], "2", "Double"),
        ("Round", [.double(2.5), .string("AwayFromZero")], "3", "Double"),
        ("Round", [.double(1.005), .int(2)], "1", "Double"),
        ("Floor", [.double(-2.5)], "-3", "Double"),
        ("Ceiling", [.double(2.1)], "3", "Double"),
        ("Abs", [.int(-7)], "7", "Int32"),
        ("Abs", [.double(-7.5)], "7.5", "Double"),
        ("Sqrt", [.int(16)], "4", "Double"),
        ("Min", [.int(3), .int(-3)], "-3", "Int32"),
        ("Max", [.int(3), .double(4.5)], "4.5", "Double"),
        ("Max", [.long(3), .int(4)], "4", "Int64"),
        ("Truncate", [.double(9.99)], "9", "Double"),
        ("Pow", [.int(2), .int(10)], "1024", "Double"),
        ("Sign", [.double(-0.5)], "-1", "Int32"),
        ("Log10", [.int(1000)], "3", "Double"),
        ("Log", [.int(8), .int(2)], "3", "Double"),
    ]

    /// WildcardPattern's static helpers (regex.cs at v7.6.5): Escape escapes `*?[]` and the
    /// backtick; Unescape drops a backtick only before those.
    func testWildcardPattern() throws {
        XCTAssertEqual(MT.text(try MT.callStatic("WildcardPattern", "Escape", [.string("a*b[c]`d")])), "a`*b`[c`]``d")
        XCTAssertEqual(MT.text(try MT.callStatic("WildcardPattern", "Unescape", [.string("a`*b`c``d`")])), "a*b`c`d`")
        XCTAssertEqual(MT.text(try MT.callStatic("WildcardPattern", "ContainsWildcardCharacters", [.string("a`*")])), "False")
    }

    /// `[GC]`: Collect and WaitForPendingFinalizers return nothing; a negative generation is
    /// refused as .NET refuses it; GetTotalMemory is an Int64 of the process's size.
    func testGarbageCollector() throws {
        XCTAssertEqual(MT.text(try MT.callStatic("GC", "Collect", [])), "System.Management.Automation.Internal.AutomationNull")
        XCTAssertEqual(MT.text(try MT.callStatic("System.GC", "Collect", [.int(2)])), "System.Management.Automation.Internal.AutomationNull")
        XCTAssertEqual(MT.text(try MT.callStatic("GC", "WaitForPendingFinalizers", [])), "System.Management.Automation.Internal.AutomationNull")
        let memory = try MT.callStatic("GC", "GetTotalMemory", [.bool(false)])
        XCTAssertEqual(MT.type(memory), "Int64")
        XCTAssertGreaterThan(Int64(MT.text(memory)) ?? 0, 0)
        XCTAssertThrowsError(try MT.callStatic("GC", "Collect", [.int(-1)]))
        XCTAssertThrowsError(try MT.callStatic("GC", "WaitForPendingFinalizers", [.int(1)]))
    }

    func testMath() throws {
        for (m, args, expected, type) in mathRows {
            let r = try MT.callStatic("math", m, args)
            XCTAssertEqual(MT.text(r), expected, "[math]::\(m)")
            XCTAssertEqual(MT.type(r), type, "[math]::\(m) type")
        }
        XCTAssertEqual(MT.text(try MT.getStatic("math", "PI") ?? .null), "3.14159265358979")
        let f = MT.failure { try MT.callStatic("math", "Abs", [.int(Int32.min)]) }
        XCTAssertEqual(f?.0, "OverflowException")
        let g = MT.failure { try MT.callStatic("math", "Frob", []) }
        XCTAssertEqual(g?.1, "Method invocation failed because [System.Math] does not contain a method named 'Frob'.")
        let h = MT.failure { try MT.callStatic("math", "round", [.double(1), .int(2), .string("ToEven"), .int(4)]) }
        XCTAssertEqual(h?.1, "Cannot find an overload for \"Round\" and the argument count: \"4\".")
    }

    func testNumbers() throws {
        XCTAssertEqual(MT.text(try MT.callStatic("int", "Parse", [.string("123")])), "123")
        XCTAssertEqual(MT.text(try MT.callStatic("double", "Parse", [.string("1.25")])), "1.25")
        XCTAssertEqual(MT.text(try MT.getStatic("int", "MinValue") ?? .null), "-2147483648")
        XCTAssertEqual(MT.text(try MT.getStatic("long", "MaxValue") ?? .null), "9223372036854775807")
        XCTAssertEqual(MT.text(try MT.getStatic("double", "NaN") ?? .null), "NaN")
        let out = PSReference(value: .int(0))
        XCTAssertEqual(MT.text(try MT.callStatic("int", "TryParse", [.string("34"), .object(out)])), "True")
        XCTAssertEqual(MT.text(out.value), "34")
        XCTAssertEqual(MT.text(try MT.callStatic("int", "TryParse", [.string("x"), .object(out)])), "False")
        XCTAssertEqual(MT.text(out.value), "0")
        let f = MT.failure { try MT.callStatic("int", "Parse", [.string("abc")]) }
        XCTAssertEqual(f?.0, "FormatException")
        XCTAssertEqual(f?.1, "Exception calling \"Parse\" with \"1\" argument(s): \"The input string 'abc' was not in a correct format.\"")
        XCTAssertEqual(MT.text(try MT.call(.int(255), "ToString", [.string("X")])), "FF")
        XCTAssertEqual(MT.text(try MT.call(.int(5), "CompareTo", [.int(7)])), "-1")
        XCTAssertEqual(MT.text(try MT.call(.int(5), "Equals", [.string("5")])), "False")
        XCTAssertEqual(MT.text(try MT.call(.double(1.5), "ToString", [])), "1.5")
        // Double.ToString() gives the shortest round-trip digits (.NET Core 3.0+), unlike
        // PowerShell's own conversion, which keeps 15 (oracle language/num-arith-widening);
        // Measure-Object.Tests.ps1 at v7.6.5 reads a standard deviation this way.
        for (d, text) in [(1.0 / 3, "0.3333333333333333"), (0.1 + 0.2, "0.30000000000000004"), (1e15, "1E+15"),
                          (999999999999999.0, "999999999999999"), (0.00001, "1E-05"), (0.0001, "0.0001"), (100.0, "100"),
                          (-1.5e-7, "-1.5E-07"), (123456789012345678.0, "1.2345678901234568E+17")] {
            XCTAssertEqual(MT.text(try MT.call(.double(d), "ToString", [])), text)
        }
        XCTAssertEqual(MT.text(.double(1.0 / 3)), "0.333333333333333")
    }

    func testChar() throws {
        XCTAssertEqual(MT.text(try MT.callStatic("char", "IsDigit", [.char(0x35)])), "True")
        XCTAssertEqual(MT.text(try MT.callStatic("char", "IsLetter", [.string("a")])), "True")
        XCTAssertEqual(MT.text(try MT.callStatic("char", "IsUpper", [.char(0x61)])), "False")
        XCTAssertEqual(MT.text(try MT.callStatic("char", "IsWhiteSpace", [.char(0x20)])), "True")
        XCTAssertEqual(MT.text(try MT.callStatic("char", "ToUpper", [.char(0x61)])), "A")
        XCTAssertEqual(MT.text(try MT.callStatic("char", "IsDigit", [.string("a1"), .int(1)])), "True")
    }

    func testConvertAndEncoding() throws {
        let bytes = try Members.invokeMethod(try MT.getStatic("System.Text.Encoding", "UTF8") ?? .null, "GetBytes", [.string("hé")], hooks: MT.hooks)
        XCTAssertEqual(MT.text(bytes), "104|195|169")
        XCTAssertEqual(MT.type(bytes), "Byte[]")
        let b64 = try MT.callStatic("Convert", "ToBase64String", [bytes])
        XCTAssertEqual(MT.text(b64), "aMOp")
        let back = try MT.callStatic("Convert", "FromBase64String", [b64])
        XCTAssertEqual(MT.text(try Members.invokeMethod(try MT.getStatic("System.Text.Encoding", "UTF8") ?? .null, "GetString", [back], hooks: MT.hooks)), "hé")
        XCTAssertEqual(MT.text(try MT.callStatic("Convert", "ToInt32", [.string("ff"), .int(16)])), "255")
        XCTAssertEqual(MT.text(try MT.callStatic("Convert", "ToString", [.int(10), .int(2)])), "1010")
        XCTAssertEqual(MT.text(try MT.callStatic("Convert", "ToString", [.int(-1), .int(16)])), "ffffffff")
    }

    func testPathAndEnvironment() throws {
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Path", "Combine", [.string("a"), .string("b"), .string("c.txt")])), "a/b/c.txt")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Path", "Combine", [.string("a"), .string("/b")])), "/b")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Path", "GetFileName", [.string("/x/y/z.tar.gz")])), "z.tar.gz")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Path", "GetExtension", [.string("/x/y/z.tar.gz")])), ".gz")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Path", "GetFileNameWithoutExtension", [.string("/x/y/z.tar.gz")])), "z.tar")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Path", "GetDirectoryName", [.string("/x/y/z.txt")])), "/x/y")
        XCTAssertEqual(MT.text(try MT.getStatic("System.IO.Path", "DirectorySeparatorChar") ?? .null), "/")
        XCTAssertEqual(MT.text(try MT.getStatic("Environment", "NewLine") ?? .null), "\n")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.File", "Exists", [.string("/definitely/not/here")])), "False")
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.Directory", "Exists", [.string("/")])), "True")
        let path = NSTemporaryDirectory() + "members-test-\(UUID().uuidString).txt"
        _ = try MT.callStatic("System.IO.File", "WriteAllText", [.string(path), .string("one\ntwo\n")])
        XCTAssertEqual(MT.text(try MT.callStatic("System.IO.File", "ReadAllLines", [.string(path)])), "one|two")
        _ = try MT.callStatic("System.IO.File", "Delete", [.string(path)])
        let f = MT.failure { try MT.callStatic("System.IO.File", "ReadAllText", [.string("/no/such/file")]) }
        XCTAssertEqual(f?.0, "FileNotFoundException")
    }

    func testExceptionConstructors() throws {
        let e = try MT.callStatic("System.ArgumentNullException", "new", [.string("paramName")])
        XCTAssertEqual(MT.text(try MT.prop(e, "Message") ?? .null), "Value cannot be null. (Parameter 'paramName')")
        let a = try MT.callStatic("System.ArgumentException", "new", [.string("bad")])
        XCTAssertEqual(MT.text(try MT.prop(a, "Message") ?? .null), "bad")
        let ap = try MT.callStatic("System.ArgumentException", "new", [.string("bad"), .string("x")])
        XCTAssertEqual(MT.text(try MT.prop(ap, "Message") ?? .null), "bad (Parameter 'x')")
    }

    func testEnumsAndCollectionsConstructors() throws {
        XCTAssertEqual(MT.text(try MT.getStatic("System.DayOfWeek", "Monday") ?? .null), "Monday")
        let h = try MT.callStatic("hashtable", "new", [])
        XCTAssertTrue(h.hashtable != nil)
        let al = try MT.callStatic("System.Collections.ArrayList", "new", [])
        XCTAssertEqual(MT.text(try MT.call(al, "Add", [.int(1)])), "0")
        let f = MT.failure { try MT.callStatic("version", "new", [.int(-1), .int(0)]) }
        XCTAssertEqual(f?.1, "Exception calling \".ctor\" with \"2\" argument(s): \"Version's parameters must be greater than or equal to zero. (Parameter 'major')\"")
    }

    /// [Enum]::GetNames takes a type name as well as a type (pwsh converts the string to the
    /// Type argument); System.Reflection.MemberTypes is a flags enum (Language ParameterBinding
    /// tests at v7.6.5 use both).
    func testEnumGetNamesByTypeName() throws {
        let names = try MT.callStatic("System.Enum", "GetNames", [.string("System.Reflection.MemberTypes")])
        XCTAssertEqual(names.array?.items.map { MT.text($0) }.joined(separator: ","),
                       "Constructor,Event,Field,Method,Property,TypeInfo,Custom,NestedType,All")
        XCTAssertEqual(MT.text(try MT.getStatic("System.Reflection.MemberTypes", "Method") ?? .null), "Method")
    }
}
