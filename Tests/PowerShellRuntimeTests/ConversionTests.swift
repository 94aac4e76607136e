import XCTest
import PowerShellSyntax
@testable import PowerShellRuntime

/// Cast rows from the oracle (num-casts, s06, s15, version-type …) and pwsh's documented rules.
final class ConversionTests: XCTestCase {
    func cast(_ v: Value, _ type: String) throws -> Value {
        guard let t = TypeResolver.resolve(name: type) else { throw XCTSkip("no type \(type)") }
        return try Conversion.convert(v, to: t)
    }

    func testCastTable() throws {
        typealias Row = (Value, String, String, String?, UInt)
        let rows: [Row] = [
            // num-casts
            (T.d(2.5), "int", "2", "Int32", #line),
            (T.d(3.5), "int", "4", nil, #line),
            (T.d(-2.5), "int", "-2", nil, #line),
            (T.s("  42  "), "int", "42", nil, #line),
            (T.s("0x1A"), "int", "26", nil, #line),
            (T.s("123456789012"), "long", "123456789012", "Int64", #line),
            (T.s("1.5e3"), "double", "1500", "Double", #line),
            (T.c("A"), "int", "65", nil, #line),
            (T.i(65), "char", "A", "Char", #line),
            (T.i(255), "byte", "255", "Byte", #line),
            (T.b(true), "int", "1", nil, #line),
            (.null, "int", "0", "Int32", #line),
            (.null, "string", "", "String", #line),
            (T.s("0"), "bool", "True", nil, #line),
            (T.d(0.0), "bool", "False", nil, #line),
            (T.arr(), "bool", "False", nil, #line),
            (T.arr(T.i(0)), "bool", "False", nil, #line),
            (T.arr(T.i(1), T.i(2)), "bool", "True", nil, #line),
            (.null, "bool", "False", nil, #line),
            (T.s("False"), "bool", "True", nil, #line),
            // s06
            (T.s(""), "int", "0", nil, #line),
            // other string → number forms
            (T.s("1kb"), "int", "1024", nil, #line),
            (T.s("1,000"), "int", "1000", nil, #line),
            (T.s("-5"), "int", "-5", nil, #line),
            (T.s("2.5"), "int", "2", nil, #line),
            (T.s("0xFFFFFFFF"), "int", "-1", nil, #line),
            (T.s("1.10"), "decimal", "1.1", "Decimal", #line),
            (T.s("3.14159"), "decimal", "3.14159", nil, #line),
            (T.d(0.1), "decimal", "0.1", nil, #line),
            (T.i(42), "string", "42", "String", #line),
            (T.d(0.1), "string", "0.1", nil, #line),
            (T.arr(T.i(1), T.i(2)), "string", "1 2", nil, #line),
            (T.s("ab"), "char[]", "a\nb", "Char[]", #line),
            (T.s("single"), "string[]", "single", "String[]", #line),
            (T.arr(T.s("1"), T.s("2")), "int[]", "1\n2", "Int32[]", #line),
            (T.i(7), "object[]", "7", "Object[]", #line),
            (T.s("7"), "double", "7", "Double", #line),
            (T.l(5), "int", "5", "Int32", #line),
            (T.i(1), "switch", "True", "Boolean", #line),
            (T.s("Monday"), "System.DayOfWeek", "Monday", "DayOfWeek", #line),
            (T.s("Tls12"), "Net.SecurityProtocolType", "Tls12", nil, #line),
            (T.s("Tls12, Tls13"), "Net.SecurityProtocolType", "Tls12, Tls13", nil, #line),
            (T.s("Alias,Function"), "System.Management.Automation.CommandTypes", "Alias, Function", nil, #line),
            (T.s("monday"), "DayOfWeek", "Monday", nil, #line),
            (T.i(3), "DayOfWeek", "Wednesday", nil, #line),
            (T.s("int"), "type", "System.Int32", "RuntimeType", #line),
            (T.i(3), "List[string]", "3", nil, #line),
            (T.s("5"), "uint64", "5", "UInt64", #line),
            (T.s("12345678901234567890"), "bigint", "12345678901234567890", "BigInteger", #line),
        ]
        for (v, type, expected, typeName, line) in rows {
            let r = try cast(v, type)
            XCTAssertEqual(T.show(r), expected, "[\(type)]\(T.show(v))", line: line)
            if let tn = typeName { XCTAssertEqual(T.typeName(r), tn, "type of [\(type)]\(T.show(v))", line: line) }
        }
    }

    func testCastErrors() {
        // errors/cast-error, functions-binding-errors
        assertRuntimeError(try self.cast(T.s("not a number"), "int"), id: "InvalidCastFromStringToInteger",
                           message: "Cannot convert value \"not a number\" to type \"System.Int32\". Error: \"The input string 'not a number' was not in a correct format.\"")
        assertRuntimeError(try self.cast(T.s("99999999999"), "int"), id: "InvalidCastFromStringToInteger",
                           message: "Cannot convert value \"99999999999\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"")
        assertRuntimeError(try self.cast(T.d(1e20), "int"), id: "InvalidCastIConvertible",
                           message: "Cannot convert value \"1E+20\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"")
        assertRuntimeError(try self.cast(T.i(256), "byte"), id: "InvalidCastIConvertible",
                           message: "Cannot convert value \"256\" to type \"System.Byte\". Error: \"Value was either too large or too small for an unsigned byte.\"")
        assertRuntimeError(try self.cast(T.s("abc"), "double"), id: "InvalidCastFromStringToDoubleOrSingle",
                           message: "Cannot convert value \"abc\" to type \"System.Double\". Error: \"The input string 'abc' was not in a correct format.\"")
        assertRuntimeError(try self.cast(T.arr(T.i(1), T.i(2)), "int"), id: "ConvertToFinalInvalidCastException",
                           message: "Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"System.Int32\".")
        assertRuntimeError(try self.cast(T.s("ab"), "char"), id: "InvalidCastFromStringToChar",
                           message: "Cannot convert value \"ab\" to type \"System.Char\". Error: \"String must be exactly one character long.\"")
        assertRuntimeError(try self.cast(T.s("Funday"), "DayOfWeek"), id: "InvalidCastEnumStringNotFound",
                           message: "Cannot convert value \"Funday\" to type \"System.DayOfWeek\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday\".")
        // version-type: [version]'abc' fails with a RuntimeException.
        assertRuntimeError(try self.cast(T.s("abc"), "version"), id: "InvalidCastParseTargetInvocation",
                           message: "Cannot convert value \"abc\" to type \"System.Version\". Error: \"Version string portion was too short or too long.\"")
        assertRuntimeError(try self.cast(T.s("nope"), "datetime"), id: "InvalidCastParseTargetInvocationWithFormatProvider",
                           message: "Cannot convert value \"nope\" to type \"System.DateTime\". Error: \"String 'nope' was not recognized as a valid DateTime.\"")
        // The cast error is a RuntimeException wrapping a PSInvalidCastException (Pester: -ExceptionType RuntimeException).
        do {
            _ = try cast(T.s("abc"), "int")
        } catch let e as RuntimeError {
            XCTAssertEqual(e.record.exception.typeName, "RuntimeException")
            XCTAssertEqual(e.record.exception.innerException?.typeName, "PSInvalidCastException")
            XCTAssertEqual(e.record.category, .InvalidArgument)
        } catch {
            XCTFail("\(error)")
        }
    }

    func testParameterArgumentConversion() throws {
        // s15-type-coercion-params: -b 1 binds True; -b 'yes' is a transformation error.
        XCTAssertEqual(T.show(try Conversion.convertArgument(T.i(1), to: TypeResolver.bool)), "True")
        XCTAssertEqual(T.show(try Conversion.convertArgument(T.s("42"), to: TypeResolver.int32)), "42")
        XCTAssertEqual(T.typeName(try Conversion.convertArgument(T.s("single"), to: TypeResolver.stringArray)), "String[]")
        assertRuntimeError(try Conversion.convertArgument(T.s("yes"), to: TypeResolver.bool), id: "InvalidCastExceptionForBooleanArgumentValue",
                           message: "Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.")
    }

    func testToStringTable() {
        let co = Value.object(PSCustomObject([("A", T.i(1)), ("B", T.s("two")), ("C", .null)]))
        let rows: [(Value, String, UInt)] = [
            (T.d(0.1 + 0.2), "0.3", #line),
            (T.d(1e20), "1E+20", #line),
            (T.d(1e15), "1E+15", #line),
            (T.d(123456789012345), "123456789012345", #line),
            (T.d(-0.0), "-0", #line),
            (T.d(.pi), "3.14159265358979", #line),
            (T.d(.infinity), "Infinity", #line),
            (T.d(1e-5), "1E-05", #line),
            (T.d(123456789.123), "123456789.123", #line),
            (T.b(true), "True", #line),
            (.null, "", #line),
            (co, "@{A=1; B=two; C=}", #line),
            (T.hash(("a", T.i(1))), "System.Collections.Hashtable", #line),
            (T.arr(T.i(1), T.arr(T.i(2), T.i(3))), "1 System.Object[]", #line),
            (.sized(SizedNumber(single: 0.1)), "0.1", #line),
            (T.l(9007199254740993), "9007199254740993", #line),
        ]
        for (v, expected, line) in rows { XCTAssertEqual(Conversion.toString(v), expected, line: line) }
        let host = FakeScriptHost()
        host.outputFieldSeparator = "-"
        XCTAssertEqual(Conversion.toString(T.arr(T.i(1), T.i(2)), hooks: host.hooks), "1-2")
    }

    func testTruthiness() {
        let rows: [(Value, Bool, UInt)] = [
            (.null, false, #line), (T.i(0), false, #line), (T.i(2), true, #line), (T.s(""), false, #line),
            (T.s("0"), true, #line), (T.s("False"), true, #line), (T.arr(), false, #line), (T.arr(T.i(0)), false, #line),
            (T.arr(T.arr()), false, #line), (T.arr(T.i(0), T.i(0)), true, #line), (T.hash(), true, #line),
            (T.d(0), false, #line), (T.m("0"), false, #line), (T.c("\0"), true, #line),
        ]
        for (v, expected, line) in rows { XCTAssertEqual(Conversion.toBool(v), expected, line: line) }
    }

    func testCustomObjectFromHashtable() throws {
        let h = PSHashtable(ordered: true)
        h.set(.string("Name"), T.s("x"))
        h.set(.string("Count"), T.i(2))
        let v = try cast(.object(h), "pscustomobject")
        guard let o = v.reference as? PSCustomObject else { return XCTFail("not a custom object") }
        XCTAssertEqual(o.names, ["Name", "Count"])
        XCTAssertEqual(Conversion.typeOf(v).fullName, "System.Management.Automation.PSCustomObject")
    }

    func testTypeResolution() {
        let rows: [(String, String?, UInt)] = [
            ("int", "System.Int32", #line), ("INT", "System.Int32", #line), ("System.Int32", "System.Int32", #line),
            ("Int32", "System.Int32", #line), ("string[]", "System.String[]", #line), ("Text.StringBuilder", "System.Text.StringBuilder", #line),
            ("hashtable", "System.Collections.Hashtable", #line), ("pscustomobject", "System.Management.Automation.PSObject", #line),
            ("ordered", "System.Collections.Specialized.OrderedDictionary", #line), ("regex", "System.Text.RegularExpressions.Regex", #line),
            ("System.Collections.Generic.List[int]", "System.Collections.Generic.List`1[[System.Int32]]", #line),
            ("List[string]", "System.Collections.Generic.List`1[[System.String]]", #line),
            ("System.Collections.Generic.Dictionary[string,int]", "System.Collections.Generic.Dictionary`2[[System.String],[System.Int32]]", #line),
            ("int[][]", "System.Int32[][]", #line), ("ipaddress", "System.Net.IPAddress", #line),
            ("System.Management.Automation.RuntimeException", "System.Management.Automation.RuntimeException", #line),
            ("ArgumentException", "System.ArgumentException", #line), ("math", "System.Math", #line),
            ("NoSuchType", nil, #line),
            ("Net.SecurityProtocolType", "System.Net.SecurityProtocolType", #line),
            ("System.DateTimeKind", "System.DateTimeKind", #line),
            ("DateTimeKind", "System.DateTimeKind", #line),
        ]
        for (name, expected, line) in rows { XCTAssertEqual(TypeResolver.resolve(name: name)?.fullName, expected, name, line: line) }
        XCTAssertEqual(TypeResolver.resolve(.array(.simple("int"), rank: 1))?.fullName, "System.Int32[]")
        XCTAssertEqual(TypeResolver.resolve(.generic("List", [.simple("int")]))?.name, "List`1")
        let host = FakeScriptHost()
        let mine = PSType(kind: .named, fullName: "MyClass")
        host.userTypes = ["MyClass": mine]
        XCTAssertTrue(TypeResolver.resolve(name: "MyClass", hooks: host.hooks) === mine)
    }

    func testTypeOfAndIs() {
        let rows: [(Value, String, UInt)] = [
            (T.i(1), "Int32", #line), (T.l(1), "Int64", #line), (T.d(1), "Double", #line), (T.s(""), "String", #line),
            (T.arr(), "Object[]", #line), (T.hash(), "Hashtable", #line), (T.b(true), "Boolean", #line),
            (T.m("1"), "Decimal", #line), (T.c("a"), "Char", #line), (.object(PSCustomObject()), "PSCustomObject", #line),
        ]
        for (v, name, line) in rows { XCTAssertEqual(T.typeName(v), name, line: line) }
        XCTAssertTrue(Conversion.isInstance(T.i(1), of: TypeResolver.int32))
        XCTAssertFalse(Conversion.isInstance(.null, of: TypeResolver.object))
        XCTAssertTrue(Conversion.isInstance(.object(PSExceptionObject(.argumentNullException, "x")),
                                            of: TypeResolver.resolve(name: "ArgumentException") ?? TypeResolver.object))
        XCTAssertNil(Conversion.enumerate(T.hash()))
        XCTAssertNil(Conversion.enumerate(T.s("abc")))
        XCTAssertEqual(Conversion.enumerate(T.arr(T.i(1), T.i(2)))?.count, 2)
    }

    func testScanNumber() {
        let rows: [(String, String?, String?, UInt)] = [
            ("42", "42", "Int32", #line), ("3000000000", "3000000000", "Int64", #line), ("1.5", "1.5", "Double", #line),
            ("1e3", "1000", "Double", #line), ("0x10", "16", "Int32", #line), ("10l", "10", "Int64", #line),
            ("1.5d", "1.5", "Decimal", #line), ("2kb", "2048", "Int32", #line), ("0b101", "5", "Int32", #line),
            ("  7  ", "7", "Int32", #line), ("", "0", "Int32", #line), ("abc", nil, nil, #line), ("1,000", nil, nil, #line),
            ("12345678901234567890", "12345678901234567890", "Decimal", #line), ("5u", "5", "UInt32", #line), ("7uy", "7", "Byte", #line),
        ]
        for (text, expected, type, line) in rows {
            let v = Conversion.scanNumber(text)
            XCTAssertEqual(v.map(T.show), expected, text, line: line)
            if let t = type { XCTAssertEqual(v.map(T.typeName), t, text, line: line) }
        }
    }
}
