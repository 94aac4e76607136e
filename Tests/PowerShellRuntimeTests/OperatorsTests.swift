import XCTest
import PowerShellSyntax
@testable import PowerShellRuntime

/// Operator rows from the oracle (`../shared/oracle/language/*.ps1`, `semantics/*.ps1`):
/// each expected text is what real pwsh 7.6.9 printed.
final class OperatorsTests: XCTestCase {
    let hooks = RuntimeHooks()

    func run(_ l: Value, _ op: BinaryOperator, _ r: Value) throws -> Value {
        try Operators.binary(op, l, r, hooks: hooks)
    }

    func testArithmeticTable() throws {
        typealias Row = (Value, BinaryOperator, Value, String, String?, UInt)
        let rows: [Row] = [
            // num-arith-widening
            (T.i(Int32.max), .add, T.i(1), "2147483648", "Double", #line),
            (T.l(Int64.max), .add, T.i(1), "9.22337203685478E+18", "Double", #line),
            (T.i(2147483647), .multiply, T.i(2), "4294967294", "Double", #line),
            (T.i(5), .divide, T.i(2), "2.5", "Double", #line),
            (T.i(10), .divide, T.i(5), "2", "Int32", #line),
            (T.i(7), .remainder, T.i(-3), "1", "Int32", #line),
            (T.i(-7), .divide, T.i(2), "-3.5", nil, #line),
            (T.i(1), .divide, T.i(3), "0.333333333333333", nil, #line),
            (T.i(2), .divide, T.i(3), "0.666666666666667", nil, #line),
            (T.i(10), .divide, T.i(3), "3.33333333333333", nil, #line),
            (T.d(1), .divide, T.i(3), "0.333333333333333", nil, #line),
            (T.d(0.1), .add, T.d(0.2), "0.3", nil, #line),
            // num-decimal
            (T.m("1.1"), .add, T.m("2.2"), "3.3", "Decimal", #line),
            (T.m("10"), .divide, T.i(4), "2.5", nil, #line),
            (T.m("1"), .divide, T.i(3), "0.3333333333333333333333333333", nil, #line),
            (T.m("3.14159"), .multiply, T.i(2), "6.28318", nil, #line),
            // s12-integer-types
            (T.sized(.byte, 200), .add, T.sized(.byte, 100), "300", "Int32", #line),
            (T.sized(.int16, 30000), .add, T.sized(.int16, 30000), "60000", "Int32", #line),
            (T.sized(.uint32, 5), .subtract, T.i(10), "-5", nil, #line),
            (T.l(5), .divide, T.i(2), "2.5", nil, #line),
            (T.l(10), .divide, T.i(2), "5", "Int64", #line),
            (T.i(7), .divide, T.i(2), "3.5", nil, #line),
            (T.i(5), .remainder, T.d(2.5), "0", nil, #line),
            (T.i(2), .multiply, T.d(1.5), "3", "Double", #line),
            // s06-string-number-edge
            (T.s("5"), .multiply, T.s("3"), "555", "String", #line),
            (T.s("0x10"), .add, T.i(1), "0x101", nil, #line),
            (T.i(0x10), .add, T.s("1"), "17", nil, #line),
            (T.s("1e3"), .subtract, T.i(1), "999", nil, #line),
            (T.s("-5"), .add, T.i(10), "-510", nil, #line),
            (T.i(10), .add, T.s("-5"), "5", nil, #line),
            (T.s(" 7 "), .multiply, T.i(2), " 7  7 ", nil, #line),
            // string-ops-basic, s20
            (T.s("abc"), .add, T.s("def"), "abcdef", nil, #line),
            (T.s("abc"), .multiply, T.i(0), "", nil, #line),
            (T.s("-"), .multiply, T.i(10), "----------", nil, #line),
            (T.arr(T.s("a")), .multiply, T.i(3), "a\na\na", nil, #line),
            (T.arr(T.i(1), T.i(2)), .multiply, T.i(2), "1\n2\n1\n2", nil, #line),
            (T.arr(T.i(1)), .add, T.i(2), "1\n2", "Object[]", #line),
            (T.arr(T.i(1)), .add, T.arr(T.i(2), T.i(3)), "1\n2\n3", nil, #line),
            // null on the left
            (.null, .add, T.i(1), "1", nil, #line),
            (.null, .add, T.s("a"), "a", nil, #line),
            (.null, .subtract, T.i(1), "-1", nil, #line),
            (.null, .multiply, T.i(5), "", nil, #line),
            // bool and char
            (T.b(true), .add, T.i(1), "2", nil, #line),
            (T.c("a"), .add, T.i(1), "a1", nil, #line),
            (T.c("a"), .subtract, T.i(1), "96", nil, #line),
            // logical-bitwise
            (T.i(5), .band, T.i(3), "1", nil, #line),
            (T.i(5), .bor, T.i(3), "7", nil, #line),
            (T.i(5), .bxor, T.i(3), "6", nil, #line),
            (T.i(1), .shl, T.i(4), "16", nil, #line),
            (T.i(256), .shr, T.i(2), "64", nil, #line),
            (T.i(0x0F), .band, T.i(0xFC), "12", nil, #line),
            (T.b(true), .xor, T.b(false), "True", nil, #line),
            (T.b(true), .and, T.b(false), "False", nil, #line),
            (T.b(false), .or, T.b(true), "True", nil, #line),
            // long arithmetic and widening
            (T.l(Int64.max), .multiply, T.i(2), "1.84467440737096E+19", "Double", #line),
            (T.i(Int32.min), .divide, T.i(-1), "2147483648", "Double", #line),
            (T.d(5), .remainder, T.d(3), "2", nil, #line),
            (T.d(-5.5), .remainder, T.i(2), "-1.5", nil, #line),
        ]
        for (l, op, r, expected, type, line) in rows {
            let v = try run(l, op, r)
            XCTAssertEqual(T.show(v), expected, "\(T.show(l)) \(op.rawValue) \(T.show(r))", line: line)
            if let t = type { XCTAssertEqual(T.typeName(v), t, "type of \(T.show(l)) \(op.rawValue) \(T.show(r))", line: line) }
        }
    }

    func testBigIntegerMultiplyThroughDouble() throws {
        // s12: [bigint]'123456789012345678901234567890' * 2 (the string goes through Double).
        let big = try Conversion.convert(T.s("123456789012345678901234567890"), to: TypeResolver.bigInteger)
        XCTAssertEqual(T.show(try run(big, .multiply, T.i(2))), "246913578024691355755439194112")
    }

    func testArithmeticErrors() {
        assertRuntimeError(try self.run(T.i(10), .divide, T.i(0)), id: "RuntimeException", message: "Attempted to divide by zero.")
        assertRuntimeError(try self.run(T.i(10), .remainder, T.i(0)), id: "RuntimeException", message: "Attempted to divide by zero.")
        assertRuntimeError(try self.run(T.m("1"), .divide, T.m("0")), id: "RuntimeException")
        assertRuntimeError(try self.run(T.i(1), .add, T.s("abc")), id: "InvalidCastFromStringToInteger",
                           message: "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"")
        assertRuntimeError(try self.run(T.hash(("x", T.i(1))), .add, T.hash(("x", T.i(2)))), id: "System.ArgumentException",
                           message: "Item has already been added. Key in dictionary: 'x'  Key being added: 'x'")
        assertRuntimeError(try self.run(T.hash(("x", T.i(1))), .add, T.i(1)), id: "AddHashTableToNonHashTable",
                           message: "A hash table can only be added to another hash table.")
        assertRuntimeError(try self.run(T.b(true), .multiply, T.i(2)), id: "MethodNotFound",
                           message: "Method invocation failed because [System.Boolean] does not contain a method named 'op_Multiply'.")
        assertRuntimeError(try Operators.increment(T.s("5"), by: 1), id: "OperatorRequiresNumber",
                           message: "The '++' operator works only on numbers. The operand is a 'System.String'.")
    }

    func testAddInPlace() throws {
        var s = T.s("ab")
        for _ in 0..<3 { try Operators.addInPlace(&s, T.s("x"), hooks: hooks) }
        try Operators.addInPlace(&s, T.i(1), hooks: hooks)
        XCTAssertEqual(T.show(s), "abxxx1")
        // A uniquely held object[] grows in place …
        var a = T.arr(T.i(1))
        try Operators.addInPlace(&a, T.i(2), hooks: hooks)
        try Operators.addInPlace(&a, T.arr(T.i(3), T.i(4)), hooks: hooks)
        XCTAssertEqual(T.show(a), "1\n2\n3\n4")
        // … but one another variable also sees stays as it was (pwsh builds a new array).
        let shared = PSArray([T.i(1)])
        var b = Value.object(shared)
        try Operators.addInPlace(&b, T.i(2), hooks: hooks)
        XCTAssertEqual(shared.items.count, 1)
        XCTAssertEqual(T.show(b), "1\n2")
        XCTAssertFalse(b.array === shared)
        var n = T.i(1)
        try Operators.addInPlace(&n, T.i(2), hooks: hooks)
        XCTAssertEqual(T.show(n), "3")
        var none = Value.null
        try Operators.addInPlace(&none, T.s("z"), hooks: hooks)
        XCTAssertEqual(T.show(none), "z")
    }

    func testHashtableMerge() throws {
        let v = try run(T.hash(("a", T.i(1))), .add, T.hash(("b", T.i(2))))
        guard let h = v.hashtable else { return XCTFail("not a hashtable") }
        XCTAssertEqual(h.keys.map { Conversion.toString($0) }, ["a", "b"])
    }

    func testComparisonTable() throws {
        typealias Row = (Value, BinaryOperator, Value, String, UInt)
        let a12345 = T.arr(T.i(1), T.i(2), T.i(3), T.i(4), T.i(5))
        let rows: [Row] = [
            // comparison-array-filter
            (a12345, .gt, T.i(3), "4\n5", #line),
            (a12345, .ne, T.i(3), "1\n2\n4\n5", #line),
            (a12345, .eq, T.i(6), "", #line),
            (a12345, .like, T.s("*3*"), "3", #line),
            (T.arr(T.s("a"), T.s("B"), T.s("c")), .ceq, T.s("b"), "", #line),
            // contains-in
            (T.arr(T.i(1), T.i(2), T.i(3)), .contains, T.s("2"), "True", #line),
            (T.arr(T.s("1"), T.s("2")), .contains, T.i(1), "True", #line),
            (T.arr(T.s("a"), T.s("b")), .contains, T.s("A"), "True", #line),
            (T.arr(T.s("a"), T.s("b")), .ccontains, T.s("A"), "False", #line),
            (T.s("b"), .inOp, T.arr(T.s("a"), T.s("b")), "True", #line),
            (T.s("z"), .notin, T.arr(T.s("a"), T.s("b")), "True", #line),
            (.null, .inOp, T.arr(.null), "True", #line),
            (T.arr(T.i(1), .null), .contains, .null, "True", #line),
            (T.arr(T.arr(T.i(1), T.i(2)), T.i(3)), .contains, T.i(3), "True", #line),
            // string-ops-basic
            (T.s("a"), .lt, T.s("B"), "True", #line),
            (T.s("a"), .clt, T.s("B"), "True", #line),
            (T.s("B"), .clt, T.s("a"), "False", #line),
            (T.s("abc"), .gt, T.s("abd"), "False", #line),
            (T.s("10"), .lt, T.s("9"), "True", #line),
            (T.i(10), .lt, T.s("9"), "False", #line),
            (T.s("10"), .lt, T.i(9), "True", #line),
            // s06
            (T.s("abc"), .eq, T.i(0), "False", #line),
            (T.i(0), .eq, T.s("abc"), "False", #line),
            (T.s(""), .eq, T.i(0), "False", #line),
            (T.i(0), .eq, T.s(""), "True", #line),
            // s07-comparison-culture
            (T.s("a"), .lt, T.s("b"), "True", #line),
            (T.s("Z"), .lt, T.s("a"), "False", #line),
            (T.s("apple"), .gt, T.s("Apple"), "False", #line),
            (T.s("apple"), .cgt, T.s("Apple"), "False", #line),
            (T.s("ä"), .lt, T.s("z"), "True", #line),
            // mixed numbers and nulls
            (T.i(1), .eq, T.d(1.0), "True", #line),
            (T.d(0.1), .add, T.d(0.2), "0.3", #line),
            (T.m("1.5"), .eq, T.d(1.5), "True", #line),
            (T.i(0), .eq, .null, "False", #line),
            (.null, .eq, .null, "True", #line),
            (T.b(true), .eq, T.s("false"), "True", #line),
            (T.c("a"), .eq, T.s("A"), "True", #line),
            (T.c("a"), .ceq, T.s("A"), "False", #line),
            (T.s("ABC"), .eq, T.s("abc"), "True", #line),
            (T.s("ABC"), .ceq, T.s("abc"), "False", #line),
            // $null orders just below zero against numbers, below everything else.
            (T.i(1), .gt, .null, "True", #line),
            (T.i(0), .gt, .null, "True", #line),
            (T.i(-1), .gt, .null, "False", #line),
            (.null, .lt, T.i(0), "True", #line),
            (.null, .lt, T.i(-1), "False", #line),
            (.null, .ge, T.i(-1), "True", #line),
            (T.s(""), .gt, .null, "True", #line),
            (.null, .gt, T.s("a"), "False", #line),
            (.null, .le, .null, "True", #line),
            (.null, .lt, .null, "False", #line),
            (T.d(.nan), .eq, T.d(.nan), "False", #line),
            // like-operator
            (T.s("Tag:Custom"), .like, T.s("tag:*"), "True", #line),
            (T.s("Global"), .like, T.s("Tag:*"), "False", #line),
            (T.s("file.txt"), .like, T.s("*.txt"), "True", #line),
            (T.s("a"), .like, T.s("?"), "True", #line),
            (T.s("ab"), .like, T.s("?"), "False", #line),
            (T.s("[x]"), .like, T.s("`[x`]"), "True", #line),
            (T.s("abc"), .like, T.s("[a-c]bc"), "True", #line),
            (T.s("Abc"), .clike, T.s("a*"), "False", #line),
            (T.arr(T.s("x"), T.s("y"), T.s("xx")), .like, T.s("x*"), "x\nxx", #line),
            (T.arr(T.s("policy1"), T.s("policy2"), T.s("other")), .notlike, T.s("policy*"), "other", #line),
        ]
        for (l, op, r, expected, line) in rows {
            XCTAssertEqual(T.show(try run(l, op, r)), expected, "\(T.show(l)) \(op.rawValue) \(T.show(r))", line: line)
        }
        // comparison-array-filter: $null, 1, $null -eq $null has two items.
        let nulls = try run(T.arr(.null, T.i(1), .null), .eq, .null)
        XCTAssertEqual(nulls.array?.count, 2)
    }

    func testComparisonErrors() {
        assertRuntimeError(try self.run(T.i(10), .lt, T.s("abc")), id: "InvalidCastFromStringToInteger")
    }

    func testCompareForSorting() throws {
        // s07: @('b', 'a', 'C', 'B') | Sort-Object → a b B C; [string]::Compare('a','B') = -1.
        let sorted = try ["b", "a", "C", "B"].sorted { try Operators.compare(.string($0), .string($1), caseSensitive: true) < 0 }
        XCTAssertEqual(sorted, ["a", "b", "B", "C"])
        XCTAssertEqual(try Operators.compare(T.s("a"), T.s("B"), caseSensitive: true), -1)
        XCTAssertEqual(try Operators.compare(T.i(2), T.i(10), caseSensitive: false), -1)
        XCTAssertEqual(try Operators.compare(.null, T.i(10), caseSensitive: false), -1)
        XCTAssertTrue(Operators.equals(T.s("A"), T.s("a"), caseSensitive: false))
        XCTAssertFalse(Operators.equals(T.s("A"), T.s("a"), caseSensitive: true))
        // $null against numbers: below zero and positive ones, above negative ones.
        XCTAssertEqual(try Operators.compare(.null, T.i(-2), caseSensitive: false), 1)
        XCTAssertEqual(try Operators.compare(T.i(0), .null, caseSensitive: false), 1)
    }

    /// Type objects are equal when they stand for one type (`(1).GetType() -eq [int]`);
    /// Write-Output.Tests.ps1 at v7.6.5 compares a List[string]'s GetType() with the literal.
    func testTypeObjectEquality() {
        let int1 = Value.object(PSTypeObject(TypeResolver.int32))
        let int2 = Value.object(PSTypeObject(TypeResolver.int32))
        XCTAssertTrue(Operators.equals(int1, int2, caseSensitive: false))
        XCTAssertFalse(Operators.equals(int1, .object(PSTypeObject(TypeResolver.int64)), caseSensitive: false))
    }

    func testUnaryTable() throws {
        typealias Row = (UnaryOperator, Value, String, UInt)
        let rows: [Row] = [
            (.not, T.i(0), "True", #line),
            (.not, T.s(""), "True", #line),
            (.not, T.s("x"), "False", #line),
            (.not, .null, "True", #line),
            (.not, T.arr(), "True", #line),
            (.bnot, T.i(0), "-1", #line),
            (.negate, T.i(5), "-5", #line),
            (.negate, T.s("5"), "-5", #line),
            (.negate, T.i(Int32.min), "2147483648", #line),
            (.join, T.s("abc"), "abc", #line),
            (.split, T.s(" a  b c "), "a\nb\nc", #line),
            (.comma, T.i(1), "1", #line),
        ]
        for (op, v, expected, line) in rows {
            XCTAssertEqual(T.show(try Operators.unary(op, v, hooks: hooks)), expected, "\(op) \(T.show(v))", line: line)
        }
        XCTAssertEqual(T.show(try Operators.increment(.null, by: 1)), "1")
        XCTAssertEqual(T.show(try Operators.increment(T.i(Int32.max), by: 1)), "2147483648")
    }

    func testJoinAndFormat() throws {
        typealias Row = (Value, BinaryOperator, Value, String, UInt)
        let rows: [Row] = [
            (T.arr(T.i(1), T.i(2), T.i(3)), .join, T.s(""), "123", #line),
            (.null, .join, T.s(","), "", #line),
            (T.arr(), .join, T.s(","), "", #line),
            (T.arr(T.s("a"), .null, T.s("b")), .join, T.s(","), "a,,b", #line),
            (T.s("{0:N0}"), .format, T.i(1234567), "1,234,567", #line),
            (T.s("{0,-8}|{1,8}"), .format, T.arr(T.s("left"), T.s("right")), "left    |   right", #line),
            (T.s("{{literal}} {0}"), .format, T.s("x"), "{literal} x", #line),
            (T.s("{1}{0}"), .format, T.arr(T.s("a"), T.s("b")), "ba", #line),
        ]
        for (l, op, r, expected, line) in rows {
            XCTAssertEqual(T.show(try run(l, op, r)), expected, line: line)
        }
        XCTAssertEqual(T.show(try run(try run(T.i(1), .range, T.i(5)), .join, T.s(" + "))), "1 + 2 + 3 + 4 + 5")
        assertRuntimeError(try self.run(T.s("{1}"), .format, T.s("a")), id: "FormatError",
                           message: "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..")
    }

    func testRanges() throws {
        XCTAssertEqual(T.show(try run(T.i(1), .range, T.i(5))), "1\n2\n3\n4\n5")
        XCTAssertEqual(T.show(try run(T.i(5), .range, T.i(1))), "5\n4\n3\n2\n1")
        XCTAssertEqual(T.show(try run(T.i(-2), .range, T.i(2))), "-2\n-1\n0\n1\n2")
        XCTAssertEqual(T.show(try run(T.i(1), .range, T.i(1))), "1")
        XCTAssertEqual(T.show(try run(T.s("a"), .range, T.s("e"))), "a\nb\nc\nd\ne")
        XCTAssertEqual(T.show(try run(T.c("x"), .range, T.c("z"))), "x\ny\nz")
        XCTAssertEqual(try run(T.i(1), .range, T.i(1_000_000)).array?.count, 1_000_000)
        XCTAssertEqual(T.typeName(try run(T.s("a"), .range, T.s("b")).array?.items.first ?? .null), "Char")
    }

    func testTypeOperators() throws {
        XCTAssertEqual(T.show(try run(T.i(1), .isType, T.type("int"))), "True")
        XCTAssertEqual(T.show(try run(T.i(1), .isType, T.s("long"))), "False")
        XCTAssertEqual(T.show(try run(T.s("x"), .isNotType, T.type("string"))), "False")
        XCTAssertEqual(T.show(try run(T.arr(T.i(1)), .isType, T.type("array"))), "True")
        XCTAssertEqual(T.show(try run(T.arr(T.i(1)), .isType, T.type("object[]"))), "True")
        XCTAssertEqual(T.show(try run(T.s("42"), .asType, T.type("int"))), "42")
        XCTAssertEqual(T.typeName(try run(T.s("42"), .asType, T.type("int"))), "Int32")
        XCTAssertTrue(try run(T.s("abc"), .asType, T.type("int")).isNull)
        XCTAssertEqual(T.show(try run(T.i(1), .isType, T.type("ValueType"))), "True")
        // ComparisonOperator.Tests.ps1: 'Hello' -is 'foo' fails with RuntimeException.
        assertRuntimeError(try self.run(T.s("Hello"), .isType, T.s("foo")), id: "RuntimeException")
        XCTAssertEqual(T.show(try run(.object(PSCustomObject([("foo", T.i(1))])), .isType, T.type("psobject"))), "True")
        XCTAssertEqual(T.show(try run(.object(PSCustomObject([("foo", T.i(1))])), .isType, T.type("pscustomobject"))), "True")
        XCTAssertEqual(T.show(try run(T.s("hello"), .isType, T.type("psobject"))), "False")
        assertRuntimeError(try self.run(T.i(1), .isType, T.i(2)), id: "IsOperatorRequiresType",
                           message: "The right operand of '-is' must be a type.")
    }

    func testMatchSetsMatches() throws {
        hooks.lastMatches = nil
        XCTAssertEqual(T.show(try run(T.s("abc123"), .match, T.s("(?<letters>[a-z]+)(\\d)"))), "True")
        guard let m = hooks.lastMatches else { return XCTFail("no matches") }
        XCTAssertEqual(m[.int(0)].map(T.show), "abc1")
        XCTAssertEqual(m[.int(1)].map(T.show), "1")
        XCTAssertEqual(m[.string("letters")].map(T.show), "abc")
        // Arrays filter and do not set $Matches.
        hooks.lastMatches = nil
        XCTAssertEqual(T.show(try run(T.arr(T.s("a1"), T.s("b"), T.s("c2")), .match, T.s("\\d"))), "a1\nc2")
        XCTAssertNil(hooks.lastMatches)
        XCTAssertEqual(T.show(try run(T.s("ABC"), .match, T.s("abc"))), "True")
        XCTAssertEqual(T.show(try run(T.s("ABC"), .cmatch, T.s("abc"))), "False")
        XCTAssertEqual(T.show(try run(T.s("ABC"), .notmatch, T.s("x"))), "True")
        assertRuntimeError(try self.run(T.s("a"), .match, T.s("(")), id: "InvalidRegularExpression",
                           message: "The regular expression pattern ( is not valid.")
    }

    func testReplace() throws {
        typealias Row = (Value, Value, String, UInt)
        let rows: [Row] = [
            (T.s("hello"), T.arr(T.s("l+"), T.s("L")), "heLo", #line),
            (T.s("Hello"), T.arr(T.s("h"), T.s("J")), "Jello", #line),
            (T.s("John Smith"), T.arr(T.s("(\\w+) (\\w+)"), T.s("$2, $1")), "Smith, John", #line),
            (T.s("John Smith"), T.arr(T.s("(?<first>\\w+) (?<last>\\w+)"), T.s("${last}-${first}")), "Smith-John", #line),
            (T.s("a.b"), T.arr(T.s("\\."), T.s("$$")), "a$b", #line),
            (T.s("abc"), T.arr(T.s("b"), T.s("[$&]")), "a[b]c", #line),
            (T.s("abc"), T.s("b"), "ac", #line),
            (T.arr(T.s("a1"), T.s("b2")), T.arr(T.s("\\d"), T.s("#")), "a#\nb#", #line),
        ]
        for (l, r, expected, line) in rows {
            XCTAssertEqual(T.show(try run(l, .replace, r)), expected, line: line)
        }
        XCTAssertEqual(T.show(try run(T.s("Hello"), .creplace, T.arr(T.s("h"), T.s("J")))), "Hello")
        assertRuntimeError(try self.run(T.s("a"), .replace, T.arr(T.s("a"), T.s("b"), T.s("c"))), id: "BadReplaceArgument",
                           message: "The -replace operator allows only two elements to follow it, not 3.")
    }

    func testSplit() throws {
        typealias Row = (Value, Value, String, UInt)
        let rows: [Row] = [
            (T.s("a b c d"), T.s(" "), "a\nb\nc\nd", #line),
            (T.arr(T.s("a b"), T.s("c d")), T.s(" "), "a\nb\nc\nd", #line),
            (T.s("a b c d"), T.arr(T.s(" "), T.i(2)), "a\nb c d", #line),
            (T.s("a b c d"), T.arr(T.s(" "), T.i(0)), "a\nb\nc\nd", #line),
            (T.s("a b c d"), T.arr(T.s(" "), T.i(-2)), "a b c\nd", #line),
            (T.s("a b c d"), T.arr(T.s(" "), T.i(-1)), "a b c d", #line),
            (T.s(" "), T.arr(T.s(" "), T.i(-2)), "\n", #line),
            (T.s("a2b3c4d"), T.arr(T.s("\\d+"), T.i(2)), "a\nb3c4d", #line),
            (T.s("a2b3c4d"), T.arr(T.s("\\d+"), T.i(-2)), "a2b3c\nd", #line),
            (T.s("a::b::c::d"), T.s("::"), "a\nb\nc\nd", #line),
            (T.s("a1:b1:c1:d"), T.s("(1:)"), "a\n1:\nb\n1:\nc\n1:\nd", #line),
            (T.s("a1:b1:c1:d"), T.s("1(:)"), "a\n:\nb\n:\nc\n:\nd", #line),
            (T.s("abcBd"), T.s("B"), "a\nc\nd", #line),
            (T.s("a.b.c"), T.arr(T.s("."), T.i(0), T.s("SimpleMatch")), "a\nb\nc", #line),
        ]
        for (l, r, expected, line) in rows {
            XCTAssertEqual(T.show(try run(l, .split, r)), expected, line: line)
        }
        XCTAssertEqual(T.show(try run(T.s("abcBd"), .csplit, T.s("B"))), "abc\nd")
        XCTAssertEqual(T.typeName(try run(T.s("a,b"), .split, T.s(","))), "String[]")
        assertRuntimeError(try self.run(T.s("a"), .split, T.arr(T.s("a"), T.i(0), T.s("SimpleMatch,Multiline"))),
                           id: "InvalidSplitOptionCombination")
    }
}
