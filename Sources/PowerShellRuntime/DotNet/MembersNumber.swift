import Foundation

/// Methods of numbers, Boolean and Char values.
enum NumberMembers {
    static let methodNames = ["CompareTo", "Equals", "GetHashCode", "GetType", "GetTypeCode", "ToString"]

    /// Runs a method of a numeric, Boolean or Char value; nil when there is no such method.
    static func invoke(_ v: Value, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "tostring":
            try a.expect(0...2)
            if a.count == 0 || (a.count == 1 && !isFormatString(a[0])) {
                if case .double(let d) = v, let text = NumberFormatting.shortestRoundTrip(d) { return .string(text) }
                return .string(Members.dotnetToString(v, hooks: a.hooks))
            }
            switch v {
            case .bool, .char: return .string(Conversion.toString(v, hooks: a.hooks))
            default: break
            }
            do {
                return .string(try NumberFormatting.toString(v, format: a.string(0)))
            } catch let e as RuntimeError {
                throw MemberFailure.dotnet(.formatException, e.record.exception.message)
            }
        case "compareto":
            try a.expect(1)
            return .int(Int32(try compare(v, a[0], a)))
        case "equals":
            try a.expect(1)
            return .bool(equals(v, a[0]))
        case "gethashcode":
            try a.expect(0)
            return .int(hashCode(v))
        case "gettypecode":
            try a.expect(0)
            return .string(String(Members.typeFullName(v).dropFirst("System.".count)))
        default:
            return nil
        }
    }

    /// A string argument is a format; an IFormatProvider (culture object) is not.
    private static func isFormatString(_ v: Value) -> Bool {
        if case .string = v { return true }
        return false
    }

    /// `CompareTo` converts the argument to the receiver's type, as pwsh's binder picks the typed overload.
    private static func compare(_ v: Value, _ other: Value, _ a: MethodArgs) throws -> Int {
        if other.isNull { return 1 }
        switch v {
        case .int(let x):
            let y = try MethodArgs([other], a.hooks).long(0, "value")
            return x < y ? -1 : (Int64(x) > y ? 1 : 0)
        case .long(let x):
            let y = try MethodArgs([other], a.hooks).long(0, "value")
            return x < y ? -1 : (x > y ? 1 : 0)
        case .bool(let x):
            let y = Conversion.toBool(other)
            return x == y ? 0 : (x ? 1 : -1)
        case .char(let x):
            let y = try MethodArgs([other], a.hooks).char(0, "value")
            return x < y ? -1 : (x > y ? 1 : 0)
        case .decimal(let x):
            guard case .decimal(let y) = try Conversion.convert(other, to: TypeResolver.decimal, hooks: a.hooks) else { return 0 }
            return x < y ? -1 : (x > y ? 1 : 0)
        default:
            let x = asDouble(v) ?? 0
            let y = try MethodArgs([other], a.hooks).double(0, "value")
            if x.isNaN { return y.isNaN ? 0 : -1 }
            if y.isNaN { return 1 }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    /// .NET Equals(object): same type and value (an Int32 receiver also accepts a smaller integer).
    static func equals(_ v: Value, _ other: Value) -> Bool {
        switch (v, other) {
        case (.int(let x), .int(let y)): return x == y
        case (.long(let x), .long(let y)): return x == y
        case (.long(let x), .int(let y)): return x == Int64(y)
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.double(let x), .int(let y)): return x == Double(y)
        case (.double(let x), .long(let y)): return x == Double(y)
        case (.decimal(let x), .decimal(let y)): return x == y
        case (.decimal(let x), .int(let y)): return x == PSDecimal(Int(y))
        case (.bool(let x), .bool(let y)): return x == y
        case (.char(let x), .char(let y)): return x == y
        case (.sized(let x), .sized(let y)): return x.kind == y.kind && x.integer == y.integer && x.floating == y.floating
        default: return false
        }
    }

    static func asDouble(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .long(let l): return Double(l)
        case .double(let d): return d
        case .decimal(let d): return d.doubleValue
        case .sized(let n): return n.floating
        case .char(let c): return Double(c)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// .NET's hash codes for the value types (Int32 is itself, Int64 folds its halves, Boolean 1/0).
    static func hashCode(_ v: Value) -> Int32 {
        switch v {
        case .int(let i): return i
        case .long(let l): return Int32(truncatingIfNeeded: l) ^ Int32(truncatingIfNeeded: l >> 32)
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return Int32(c) | (Int32(c) << 16)
        case .double(let d):
            if d == 0 { return 0 }
            let bits = Int64(bitPattern: d.bitPattern)
            return Int32(truncatingIfNeeded: bits) ^ Int32(truncatingIfNeeded: bits >> 32)
        case .sized(let n): return Int32(truncatingIfNeeded: n.integer)
        case .decimal(let d): return StringMembers.hashCode(d.value.description)
        default: return 0
        }
    }
}
