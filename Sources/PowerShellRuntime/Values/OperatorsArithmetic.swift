import Foundation

/// Arithmetic and bitwise operators (pwsh's IntOps/LongOps/DoubleOps/DecimalOps): Int32 →
/// Int64 → Double widening on overflow, `/` exact-or-Double, decimal stays decimal.
extension Operators {
    enum ArithOp {
        case add, sub, mul, div, rem

        /// The .NET operator method pwsh looks for on non-numeric operands.
        var methodName: String {
            switch self {
            case .add: return "op_Addition"
            case .sub: return "op_Subtraction"
            case .mul: return "op_Multiply"
            case .div: return "op_Division"
            case .rem: return "op_Modulus"
            }
        }
    }

    /// The operation type of a numeric operand, ordered as .NET's TypeCode.
    enum NumRank: Int, Comparable {
        case int32 = 0, uint32, int64, uint64, double, decimal, big
        static func < (a: NumRank, b: NumRank) -> Bool { a.rawValue < b.rawValue }
    }

    static func rank(_ v: Value) -> NumRank? {
        switch v {
        case .int, .bool, .char: return .int32
        case .long: return .int64
        case .double: return .double
        case .decimal: return .decimal
        case .sized(let n):
            switch n.kind {
            case .byte, .sbyte, .int16, .uint16: return .int32
            case .uint32: return .uint32
            case .uint64: return .uint64
            case .single: return .double
            case .bigInteger: return .big
            }
        case .object(let o): return o is PSEnumValue ? .int32 : nil
        case .null, .string: return nil
        }
    }

    // MARK: + and *

    static func add(_ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        // Fast paths: the common numeric pairs.
        switch (l, r) {
        case (.int(let a), .int(let b)):
            let s = a.addingReportingOverflow(b)
            return s.overflow ? .double(Double(a) + Double(b)) : .int(s.partialValue)
        case (.int(let a), .double(let b)): return .double(Double(a) + b)
        case (.double(let a), .double(let b)): return .double(a + b)
        case (.double(let a), .int(let b)): return .double(a + Double(b))
        case (.long(let a), .int(let b)):
            let s = a.addingReportingOverflow(Int64(b))
            return s.overflow ? .double(Double(a) + Double(b)) : .long(s.partialValue)
        case (.long(let a), .long(let b)):
            let s = a.addingReportingOverflow(b)
            return s.overflow ? .double(Double(a) + Double(b)) : .long(s.partialValue)
        default: break
        }
        switch l {
        case .null:
            return r
        case .string(let s):
            let t: String
            if case .string(let text) = r { t = text } else { t = Conversion.toString(r, hooks: hooks) }
            try checkStringLength(s.utf16.count + t.utf16.count)
            return .string(s + t)
        case .char(let c):
            return .string(String(decoding: CollectionOfOne(c), as: UTF16.self) + Conversion.toString(r, hooks: hooks))
        case .object(let o):
            if let a = o as? PSArray {
                var items = a.items
                if let b = r.array { items.append(contentsOf: b.items) } else { items.append(r) }
                return .object(PSArray(items))
            }
            if let h = o as? PSHashtable { return try addHashtables(h, r) }
            if o is PSEnumValue { return try numeric(.add, l, r, hooks: hooks) }
            if let n = o as? PSNativeObject, let result = try n.binaryOperator("op_Addition", r) { return result }
            throw methodNotFound(l, "op_Addition")
        default:
            return try numeric(.add, l, r, hooks: hooks)
        }
    }

    /// `$x += y` stored back into `target` without copying when nothing else can see the old
    /// value: a string appends in place (amortised O(1) instead of copying the whole string),
    /// an `object[]` only this slot references grows in place (pwsh builds a new array, which
    /// no one could tell apart here). Everything else is `target = target + y`.
    /// The interpreter calls it on a variable's storage, e.g. `&variable.value`, when the
    /// variable has no type constraint.
    public static func addInPlace(_ target: inout Value, _ right: Value, hooks: RuntimeHooks) throws {
        switch target {
        case .string(var s):
            let tail: String
            if case .string(let t) = right { tail = t } else { tail = Conversion.toString(right, hooks: hooks) }
            try checkStringLength(s.utf16.count + tail.utf16.count)
            target = .null  // drop the slot's reference so `s` is unique and appends in place
            s += tail
            target = .string(s)
        case .object(var o):
            target = .null
            if isKnownUniquelyReferenced(&o), let a = o as? PSArray, case .array(elementType: nil) = a.kind {
                if let b = right.array { a.items.append(contentsOf: b.items) } else { a.items.append(right) }
                target = .object(a)
                return
            }
            target = .object(o)
            target = try add(target, right, hooks: hooks)
        default:
            target = try add(target, right, hooks: hooks)
        }
    }

    static func addHashtables(_ h: PSHashtable, _ r: Value) throws -> Value {
        guard let other = r.hashtable else {
            throw RuntimeError(.runtimeException, "A hash table can only be added to another hash table.",
                               errorId: "AddHashTableToNonHashTable", category: .InvalidOperation)
        }
        // The result is a new case-insensitive Hashtable (OrderedDictionary when the left is ordered).
        let result = PSHashtable(ordered: h.isOrdered, caseInsensitive: true)
        for (k, v) in zip(h.keys, h.values) { result.set(k, v) }
        for (k, v) in zip(other.keys, other.values) {
            if !result.add(k, v) {
                let added = Conversion.toString(k)
                let hk = result.hashKey(k)
                let existing = result.keys.first { result.hashKey($0) == hk }.map { Conversion.toString($0) } ?? added
                // OrderedDictionary keeps a Hashtable inside: the same message either way.
                let msg = "Item has already been added. Key in dictionary: '\(existing)'  Key being added: '\(added)'"
                let inner = PSExceptionObject(.argumentException, msg)
                let ex = PSExceptionObject(.runtimeException, msg, inner: inner)
                throw RuntimeError(ErrorRecord(exception: ex, errorId: "System.ArgumentException", category: .OperationStopped))
            }
        }
        return .object(result)
    }

    static func multiply(_ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            let m = a.multipliedReportingOverflow(by: b)
            return m.overflow ? .double(Double(a) * Double(b)) : .int(m.partialValue)
        case (.double(let a), .double(let b)): return .double(a * b)
        case (.double(let a), .int(let b)): return .double(a * Double(b))
        case (.int(let a), .double(let b)): return .double(Double(a) * b)
        default: break
        }
        switch l {
        case .null:
            return .null
        case .string(let s):
            // pwsh's StringOps.Multiply: a negative count is .NET's ArgumentOutOfRangeException,
            // a result longer than a string can be is OutOfMemoryException.
            let n = try repeatCount(r, hooks: hooks)
            if n < 0 {
                throw dotNetFailure(.argumentOutOfRangeException,
                                    "times ('\(n)') must be a non-negative value. (Parameter 'times')\nActual value was \(n).")
            }
            if n == 0 || s.isEmpty { return .string("") }
            let total = s.utf16.count.multipliedReportingOverflow(by: n)
            try checkStringLength(total.overflow ? Int.max : total.partialValue)
            return .string(String(repeating: s, count: n))
        case .object(let o):
            if let a = o as? PSArray {
                let n = try repeatCount(r, hooks: hooks)
                if n <= 0 { return .object(PSArray([], kind: a.isFixedSize ? a.kind : .array(elementType: nil))) }
                let total = a.items.count.multipliedReportingOverflow(by: n)
                guard !total.overflow, total.partialValue <= 1 << 28 else { throw outOfMemory() }
                var items: [Value] = []
                items.reserveCapacity(total.partialValue)
                for _ in 0..<n { items.append(contentsOf: a.items) }
                return .object(PSArray(items, kind: a.isFixedSize ? a.kind : .array(elementType: nil)))
            }
            if o is PSEnumValue { return try numeric(.mul, l, r, hooks: hooks) }
            if let n = o as? PSNativeObject, let result = try n.binaryOperator("op_Multiply", r) { return result }
            throw methodNotFound(l, "op_Multiply")
        case .bool, .char:
            // `*` wants a number on the left (pwsh's IsNumeric excludes Boolean and Char,
            // which `+`, `-`, `/` and `%` accept).
            throw methodNotFound(l, "op_Multiply")
        default:
            return try numeric(.mul, l, r, hooks: hooks)
        }
    }

    /// .NET's largest string: 0x3FFFFFDF UTF-16 units (String.MaxLength in CoreCLR).
    public static let maxStringLength = 0x3FFF_FFDF

    /// A string longer than .NET allows cannot be made: the allocation throws
    /// OutOfMemoryException, which pwsh reports as any .NET exception of an operator
    /// (ExceptionHandlingOps.ConvertToRuntimeException: error id = the exception's type name,
    /// category OperationStopped). So `$s += $s` stops doubling there instead of exhausting memory.
    public static func checkStringLength(_ length: Int) throws {
        if length > maxStringLength {
            throw dotNetFailure(.outOfMemoryException, "Insufficient memory to continue the execution of the program.")
        }
    }

    /// A .NET exception raised by an operator's implementation, as pwsh wraps it.
    static func dotNetFailure(_ type: ExceptionType, _ message: String) -> RuntimeError {
        let inner = PSExceptionObject(type, message)
        let ex = PSExceptionObject(.runtimeException, message, inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: type.chain.first ?? "System.Exception", category: .OperationStopped))
    }

    static func outOfMemory() -> RuntimeError {
        RuntimeError(.runtimeException, "Array dimensions exceeded supported range.", errorId: "OutOfMemoryException",
                     category: .NotSpecified)
    }

    /// The right operand of string/array multiplication.
    static func repeatCount(_ r: Value, hooks: RuntimeHooks) throws -> Int {
        let v: Value
        if case .string(let s) = r { v = try numberFromString(s, hooks: hooks) } else { v = r }
        return Int(try Conversion.toInt32(v))
    }

    // MARK: - / %

    static func arithmetic(_ op: ArithOp, _ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)): return try intOp(op, a, b)
        case (.double(let a), .double(let b)): return .double(doubleOp(op, a, b))
        case (.double(let a), .int(let b)): return .double(doubleOp(op, a, Double(b)))
        case (.int(let a), .double(let b)): return .double(doubleOp(op, Double(a), b))
        default: break
        }
        switch l {
        case .null:
            return try numeric(op, .int(0), r, hooks: hooks)
        case .string(let s):
            return try numeric(op, try numberFromString(s, other: r, hooks: hooks), r, hooks: hooks)
        case .object(let o):
            if o is PSEnumValue { return try numeric(op, l, r, hooks: hooks) }
            if let n = o as? PSNativeObject, let result = try n.binaryOperator(op.methodName, r) { return result }
            throw methodNotFound(l, op.methodName)
        default:
            return try numeric(op, l, r, hooks: hooks)
        }
    }

    /// A string operand as a number: the number grammar, else a conversion to the other
    /// operand's numeric type (Int32 when it has none), whose failure is the error.
    static func numberFromString(_ s: String, other: Value = .int(0), hooks: RuntimeHooks?) throws -> Value {
        if let n = Conversion.scanNumber(s) { return n }
        var target = TypeResolver.int32
        switch other {
        case .long, .double, .decimal, .sized: target = Conversion.typeOf(other)
        default: break
        }
        return try Conversion.convert(.string(s), to: target, hooks: hooks)
    }

    /// Both operands numeric (or convertible): the op at the wider operand's type.
    static func numeric(_ op: ArithOp, _ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        var right = r
        switch r {
        case .null: right = .int(0)
        case .string(let s): right = try numberFromString(s, other: l, hooks: hooks)
        case .object(let o) where !(o is PSEnumValue):
            // pwsh converts the right operand to the left's type; arrays and objects fail.
            do {
                right = try Conversion.convert(r, to: Conversion.typeOf(l), hooks: hooks)
            } catch {
                throw methodNotFound(r, op.methodName)
            }
        default: break
        }
        guard let lr = rank(l), let rr = rank(right), let a = Conversion.number(l), let b = Conversion.number(right) else {
            throw methodNotFound(l, op.methodName)
        }
        let opRank = max(lr, rr)
        switch opRank {
        case .int32:
            guard case .integer(let x) = a, case .integer(let y) = b, let xi = Int32(exactly: x), let yi = Int32(exactly: y) else {
                return try longOp(op, a, b)
            }
            return try intOp(op, xi, yi)
        case .int64:
            return try longOp(op, a, b)
        case .uint32:
            let r = try longOp(op, a, b)
            guard isNonNegative(a) && isNonNegative(b) else { return r }
            if case .long(let v) = r {
                if let u = UInt32(exactly: v) { return .sized(SizedNumber(kind: .uint32, integer: Int64(u))) }
                return .double(Double(v))
            }
            return r
        case .uint64:
            if case .integer(let x) = a, case .integer(let y) = b, x < 0 || y < 0 { return try longOp(op, a, b) }
            return try ulongOp(op, a, b)
        case .double:
            return .double(doubleOp(op, a.doubleValue, b.doubleValue))
        case .decimal:
            return .decimal(try decimalOp(op, decimalOf(a), decimalOf(b)))
        case .big:
            return try bigOp(op, a, b)
        }
    }

    private static func isNonNegative(_ n: PSNumber) -> Bool {
        if case .integer(let i) = n { return i >= 0 }
        return true
    }

    @inline(__always)
    static func intOp(_ op: ArithOp, _ a: Int32, _ b: Int32) throws -> Value {
        switch op {
        case .add:
            let s = a.addingReportingOverflow(b)
            return s.overflow ? .double(Double(a) + Double(b)) : .int(s.partialValue)
        case .sub:
            let s = a.subtractingReportingOverflow(b)
            return s.overflow ? .double(Double(a) - Double(b)) : .int(s.partialValue)
        case .mul:
            let s = a.multipliedReportingOverflow(by: b)
            return s.overflow ? .double(Double(a) * Double(b)) : .int(s.partialValue)
        case .div:
            if b == 0 { throw divideByZero() }
            if a == Int32.min && b == -1 { return .double(-Double(a)) }
            if a % b == 0 { return .int(a / b) }
            return .double(Double(a) / Double(b))
        case .rem:
            if b == 0 { throw divideByZero() }
            if b == -1 { return .int(0) }
            return .int(a % b)
        }
    }

    static func longOp(_ op: ArithOp, _ a: PSNumber, _ b: PSNumber) throws -> Value {
        guard case .integer(let x) = a, case .integer(let y) = b else {
            return .double(doubleOp(op, a.doubleValue, b.doubleValue))
        }
        switch op {
        case .add:
            let s = x.addingReportingOverflow(y)
            return s.overflow ? .double(Double(x) + Double(y)) : .long(s.partialValue)
        case .sub:
            let s = x.subtractingReportingOverflow(y)
            return s.overflow ? .double(Double(x) - Double(y)) : .long(s.partialValue)
        case .mul:
            let s = x.multipliedReportingOverflow(by: y)
            return s.overflow ? .double(Double(x) * Double(y)) : .long(s.partialValue)
        case .div:
            if y == 0 { throw divideByZero() }
            if x == Int64.min && y == -1 { return .double(-Double(x)) }
            if x % y == 0 { return .long(x / y) }
            return .double(Double(x) / Double(y))
        case .rem:
            if y == 0 { throw divideByZero() }
            if y == -1 { return .long(0) }
            return .long(x % y)
        }
    }

    static func ulongOp(_ op: ArithOp, _ a: PSNumber, _ b: PSNumber) throws -> Value {
        func u(_ n: PSNumber) -> UInt64? {
            switch n {
            case .integer(let i): return i >= 0 ? UInt64(i) : nil
            case .unsigned(let v): return v
            default: return nil
            }
        }
        guard let x = u(a), let y = u(b) else { return .double(doubleOp(op, a.doubleValue, b.doubleValue)) }
        let result: UInt64
        switch op {
        case .add:
            let s = x.addingReportingOverflow(y)
            if s.overflow { return .double(Double(x) + Double(y)) }
            result = s.partialValue
        case .sub:
            if y > x { return .double(Double(x) - Double(y)) }
            result = x - y
        case .mul:
            let s = x.multipliedReportingOverflow(by: y)
            if s.overflow { return .double(Double(x) * Double(y)) }
            result = s.partialValue
        case .div:
            if y == 0 { throw divideByZero() }
            if x % y != 0 { return .double(Double(x) / Double(y)) }
            result = x / y
        case .rem:
            if y == 0 { throw divideByZero() }
            result = x % y
        }
        return .sized(SizedNumber(uint64: result))
    }

    @inline(__always)
    static func doubleOp(_ op: ArithOp, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: return a + b
        case .sub: return a - b
        case .mul: return a * b
        case .div: return a / b
        case .rem: return a.truncatingRemainder(dividingBy: b)
        }
    }

    static func decimalOf(_ n: PSNumber) -> PSDecimal {
        switch n {
        case .integer(let i): return PSDecimal(i)
        case .unsigned(let u): return PSDecimal(u)
        case .decimal(let d): return d
        case .double(let d): return PSDecimal(d) ?? .zero
        case .big(let b): return PSDecimal.parse(b.description) ?? .zero
        }
    }

    /// .NET's decimal operators, scale included (PSDecimal); overflow is pwsh's error.
    static func decimalOp(_ op: ArithOp, _ a: PSDecimal, _ b: PSDecimal) throws -> PSDecimal {
        let r: PSDecimal?
        switch op {
        case .add: r = PSDecimal.adding(a, b)
        case .sub: r = PSDecimal.subtracting(a, b)
        case .mul: r = PSDecimal.multiplying(a, b)
        case .div:
            if b.isZero { throw divideByZero() }
            r = PSDecimal.dividing(a, b)
        case .rem:
            if b.isZero { throw divideByZero() }
            r = PSDecimal.remainder(a, b)
        }
        guard let result = r else { throw decimalOverflow() }
        return result
    }

    static func bigOp(_ op: ArithOp, _ a: PSNumber, _ b: PSNumber) throws -> Value {
        func big(_ n: PSNumber) -> BigInt? {
            switch n {
            case .integer(let i): return BigInt(i)
            case .unsigned(let u): return BigInt(u)
            case .big(let b): return b
            // BigInteger's operators take the other operand as a BigInteger, truncated
            // (about_Arithmetic_Operators: [bigint]1 / 1.9 is 1).
            case .double(let d): return d.isFinite ? BigInt(exactly: d.rounded(.towardZero)) : nil
            case .decimal(let d): return d.value.isFinite ? BigInt(exactly: NSDecimalNumber(decimal: d.value).doubleValue.rounded(.towardZero)) : nil
            }
        }
        guard let x = big(a), let y = big(b) else { return .double(doubleOp(op, a.doubleValue, b.doubleValue)) }
        switch op {
        case .add: return Conversion.bigValue(x + y)
        case .sub: return Conversion.bigValue(x - y)
        case .mul: return Conversion.bigValue(x * y)
        case .div, .rem:
            if y.limbs.isEmpty { throw divideByZero() }
            if let xi = x.int64Value, let yi = y.int64Value, !(xi == Int64.min && yi == -1) {
                return Conversion.bigValue(BigInt(op == .div ? xi / yi : xi % yi))
            }
            let q = (x.doubleValue / y.doubleValue).rounded(.towardZero)
            if op == .div { return Conversion.bigValue(BigInt(exactly: q)) }
            return Conversion.bigValue(x - BigInt(exactly: q) * y)
        }
    }

    // MARK: Bitwise

    enum BitOp { case and, or, xor }

    static func integerOperand(_ v: Value, hooks: RuntimeHooks) throws -> (value: Int64, wide: Bool) {
        switch v {
        case .null: return (0, false)
        case .int(let i): return (Int64(i), false)
        case .long(let l): return (l, true)
        case .bool(let b): return (b ? 1 : 0, false)
        case .char(let c): return (Int64(c), false)
        case .string(let s): return try integerOperand(try numberFromString(s, hooks: hooks), hooks: hooks)
        case .sized(let n):
            switch n.kind {
            case .uint32, .uint64, .bigInteger: return (n.integer, true)
            case .single: return try integerOperand(.double(n.floating), hooks: hooks)
            default: return (n.integer, false)
            }
        case .double, .decimal:
            guard let num = Conversion.number(v) else { return (0, false) }
            let (s, u) = Conversion.integral(num)
            if let s = s { return (s, Int32(exactly: s) == nil) }
            if let u = u { return (Int64(bitPattern: u), true) }
            throw Conversion.castError(v, TypeResolver.uint64, errorId: "InvalidCastIConvertible",
                                       inner: Conversion.overflowMessage(TypeResolver.uint64))
        case .object(let o):
            if let e = o as? PSEnumValue { return (e.value, Int32(exactly: e.value) == nil) }
            throw Conversion.finalCastError(v, TypeResolver.int32, hooks: hooks)
        }
    }

    static func bitwise(_ op: BitOp, _ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        if case .int(let a) = l, case .int(let b) = r {
            switch op {
            case .and: return .int(a & b)
            case .or: return .int(a | b)
            case .xor: return .int(a ^ b)
            }
        }
        let (a, wa) = try integerOperand(l, hooks: hooks)
        let (b, wb) = try integerOperand(r, hooks: hooks)
        let v: Int64
        switch op {
        case .and: v = a & b
        case .or: v = a | b
        case .xor: v = a ^ b
        }
        if let e = l.reference as? PSEnumValue { return .object(PSEnumValue(e.definition, v)) }
        if !wa && !wb, let i = Int32(exactly: v) { return .int(i) }
        if case .sized(let n) = l, n.kind == .uint32, let u = UInt32(exactly: v) { return .sized(SizedNumber(kind: .uint32, integer: Int64(u))) }
        return .long(v)
    }

    static func shift(left: Bool, _ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        if case .null = l { return .int(0) }
        let count = Int(try Conversion.toInt32(r.stringValue != nil ? try numberFromString(r.stringValue ?? "", hooks: hooks) : r))
        let (a, wide) = try integerOperand(l, hooks: hooks)
        if !wide, let i = Int32(exactly: a) {
            let c = Int32(count & 0x1f)
            return .int(left ? i << c : i >> c)
        }
        let c = Int64(count & 0x3f)
        return .long(left ? a << c : a >> c)
    }

    static func bitwiseNot(_ v: Value, hooks: RuntimeHooks) throws -> Value {
        switch v {
        case .int(let i): return .int(~i)
        case .long(let l): return .long(~l)
        case .null: return .int(-1)
        case .sized(let n):
            switch n.kind {
            case .uint32: return .sized(SizedNumber(kind: .uint32, integer: Int64(~UInt32(truncatingIfNeeded: n.integer))))
            case .uint64: return .sized(SizedNumber(uint64: ~n.uint64Value))
            case .single, .bigInteger: return try bitwiseNot(.double(n.floating), hooks: hooks)
            default: return .int(~Int32(truncatingIfNeeded: n.integer))
            }
        default:
            let (a, wide) = try integerOperand(v, hooks: hooks)
            if let e = v.reference as? PSEnumValue { return .object(PSEnumValue(e.definition, ~a)) }
            if !wide, let i = Int32(exactly: a) { return .int(~i) }
            if let u = UInt32(exactly: a) { return .sized(SizedNumber(kind: .uint32, integer: Int64(~u))) }
            return .long(~a)
        }
    }
}
