import Foundation

/// System.Math, with .NET's overload choice: integer arguments keep integer results for
/// Abs/Max/Min/Sign/Clamp, decimals stay decimal, everything else is Double.
enum MathMembers {
    /// The numeric kind .NET's overload resolution lands on for these arguments.
    private enum Kind { case int, long, double, decimal }

    private static func kind(_ v: Value) -> Kind {
        switch v {
        case .int, .bool, .char: return .int
        case .sized(let n): return n.kind == .single || n.kind == .uint64 || n.kind == .bigInteger ? .double : (n.kind == .uint32 ? .long : .int)
        case .long: return .long
        case .decimal: return .decimal
        case .string(let s): return s.contains(".") || s.lowercased().contains("e") ? .double : .int
        default: return .double
        }
    }

    private static func widest(_ a: MethodArgs, _ n: Int) -> Kind {
        var k = Kind.int
        for i in 0..<n {
            switch (k, kind(a[i])) {
            case (_, .double), (.double, _): k = .double
            case (_, .decimal), (.decimal, _): k = .decimal
            case (_, .long): k = .long
            default: break
            }
        }
        return k
    }

    private static func decimalArg(_ a: MethodArgs, _ i: Int) throws -> PSDecimal {
        if case .decimal(let d) = a[i] { return d }
        guard case .decimal(let d) = try Conversion.convert(a[i], to: TypeResolver.decimal, hooks: a.hooks) else { throw MemberFailure.noOverload }
        return d
    }

    private static func overflowNegate() -> MemberFailure {
        .dotnet(.overflowException, "Negating the minimum value of a twos complement number is invalid.")
    }

    static func invoke(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "abs":
            try a.expect(1)
            switch kind(a[0]) {
            case .int:
                let v = try a.int(0, "value")
                if v == Int(Int32.min) { throw overflowNegate() }
                return .int(Int32(abs(v)))
            case .long:
                let v = try a.long(0, "value")
                if v == Int64.min { throw overflowNegate() }
                return .long(abs(v))
            case .decimal: return .decimal(try decimalArg(a, 0).magnitude)
            case .double: return .double(abs(try a.double(0, "value")))
            }
        case "max", "min":
            try a.expect(2)
            let isMax = name == "max"
            switch widest(a, 2) {
            case .int:
                let x = try a.int(0, "val1"), y = try a.int(1, "val2")
                return .int(Int32(isMax ? max(x, y) : min(x, y)))
            case .long:
                let x = try a.long(0, "val1"), y = try a.long(1, "val2")
                return .long(isMax ? max(x, y) : min(x, y))
            case .decimal:
                let x = try decimalArg(a, 0), y = try decimalArg(a, 1)
                // decimal.Max is `x >= y ? x : y`, decimal.Min `x < y ? x : y` (which one's scale).
                return .decimal(isMax ? (x >= y ? x : y) : (x < y ? x : y))
            case .double:
                let x = try a.double(0, "val1"), y = try a.double(1, "val2")
                if x.isNaN || y.isNaN { return .double(.nan) }
                return .double(isMax ? max(x, y) : min(x, y))
            }
        case "sign":
            try a.expect(1)
            switch kind(a[0]) {
            case .decimal:
                let d = try decimalArg(a, 0)
                return .int(d.isNegative ? -1 : (d.isZero ? 0 : 1))
            default:
                let d = try a.double(0, "value")
                if d.isNaN { throw MemberFailure.dotnet(.arithmeticException, "Function does not accept floating point Not-a-Number values.") }
                return .int(d < 0 ? -1 : (d > 0 ? 1 : 0))
            }
        case "clamp":
            try a.expect(3)
            switch widest(a, 3) {
            case .int, .long:
                let v = try a.long(0, "value"), lo = try a.long(1, "min"), hi = try a.long(2, "max")
                if lo > hi { throw MemberFailure.dotnet(.argumentException, "'\(lo)' cannot be greater than \(hi).") }
                let r = min(max(v, lo), hi)
                return widest(a, 3) == .int ? .int(Int32(clamping: r)) : .long(r)
            default:
                let v = try a.double(0, "value"), lo = try a.double(1, "min"), hi = try a.double(2, "max")
                if lo > hi { throw MemberFailure.dotnet(.argumentException, "'\(NumberFormatting.format(lo))' cannot be greater than \(NumberFormatting.format(hi)).") }
                return .double(min(max(v, lo), hi))
            }
        case "round":
            return try round(a)
        case "floor", "ceiling", "truncate":
            try a.expect(1)
            let rule: FloatingPointRoundingRule = name == "floor" ? .down : (name == "ceiling" ? .up : .towardZero)
            if kind(a[0]) == .decimal {
                let d = try decimalArg(a, 0)
                return .decimal(d.integral(rule == .down ? .down : (rule == .up ? .up : (d.isNegative ? .up : .down))))
            }
            return .double(try a.double(0, "d").rounded(rule))
        case "divrem":
            guard a.count == 2 else { throw MemberFailure.noOverload }
            let x = try a.long(0, "left"), y = try a.long(1, "right")
            if y == 0 { throw MemberFailure.dotnet(.divideByZeroException, "Attempted to divide by zero.") }
            let q = x / y, r = x % y
            let both = widest(a, 2) == .int
            return .object(PSArray([both ? .int(Int32(clamping: q)) : .long(q), both ? .int(Int32(clamping: r)) : .long(r)]))
        case "bigmul":
            try a.expect(2)
            let (hi, lo) = Int64(try a.int(0, "a")).multipliedReportingOverflow(by: Int64(try a.int(1, "b")))
            return .long(lo ? 0 : hi)
        default:
            break
        }
        let unary: [String: (Double) -> Double] = [
            "sqrt": { $0.squareRoot() }, "exp": { Foundation.exp($0) }, "log10": { Foundation.log10($0) },
            "log2": { Foundation.log2($0) }, "sin": { Foundation.sin($0) }, "cos": { Foundation.cos($0) },
            "tan": { Foundation.tan($0) }, "asin": { Foundation.asin($0) }, "acos": { Foundation.acos($0) },
            "atan": { Foundation.atan($0) }, "sinh": { Foundation.sinh($0) }, "cosh": { Foundation.cosh($0) },
            "tanh": { Foundation.tanh($0) }, "cbrt": { Foundation.cbrt($0) },
        ]
        if let f = unary[name] {
            try a.expect(1)
            return .double(f(try a.double(0, "d")))
        }
        switch name {
        case "log":
            try a.expect(1...2)
            let x = try a.double(0, "a")
            if a.count == 1 { return .double(Foundation.log(x)) }
            let b = try a.double(1, "newBase")
            if b == 1 || b < 0 || b.isNaN || x.isNaN { return .double(.nan) }
            return .double(Foundation.log(x) / Foundation.log(b))
        case "pow":
            try a.expect(2)
            return .double(Foundation.pow(try a.double(0, "x"), try a.double(1, "y")))
        case "atan2":
            try a.expect(2)
            return .double(Foundation.atan2(try a.double(0, "y"), try a.double(1, "x")))
        default:
            return nil
        }
    }

    /// Math.Round: banker's rounding by default; digits scale, round and scale back as .NET does
    /// (so `Round(2.345, 2)` is 2.35 and `Round(1.005, 2)` is 1).
    private static func round(_ a: MethodArgs) throws -> Value {
        try a.expect(1...3)
        var digits = 0
        var mode: Int64 = 0
        if a.count >= 2 {
            if isMidpoint(a[1]) {
                guard a.count == 2 else { throw MemberFailure.noOverload }
                mode = try a.enumValue(1, DotNetEnums.midpointRounding, "mode")
            } else {
                digits = try a.int(1, "digits")
                if a.count == 3 { mode = try a.enumValue(2, DotNetEnums.midpointRounding, "mode") }
            }
        }
        guard (0...4).contains(mode) else {
            throw MemberFailure.dotnet(.argumentException, "The value '\(mode)' is not valid for this usage of the type MidpointRounding. (Parameter 'mode')")
        }
        let rule: FloatingPointRoundingRule = [.toNearestOrEven, .toNearestOrAwayFromZero, .towardZero, .down, .up][Int(mode)]
        if kind(a[0]) == .decimal {
            guard (0...28).contains(digits) else { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Rounding digits must be between 0 and 28, inclusive. (Parameter 'decimals')") }
            let d = try decimalArg(a, 0)
            let m: NSDecimalNumber.RoundingMode
            switch rule {
            case .toNearestOrEven: m = .bankers
            case .toNearestOrAwayFromZero: m = .plain
            case .down: m = .down
            case .up: m = .up
            default: m = d.isNegative ? .up : .down
            }
            return .decimal(d.rounded(digits, m))
        }
        guard (0...15).contains(digits) else {
            throw MemberFailure.dotnet(.argumentOutOfRangeException, "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
        }
        var v = try a.double(0, "value")
        if abs(v) < 1e16 {
            let p = Foundation.pow(10.0, Double(digits))
            v = (v * p).rounded(rule) / p
        }
        return .double(v)
    }

    private static func isMidpoint(_ v: Value) -> Bool {
        if case .object(let o) = v { return (o as? PSEnumValue)?.definition === DotNetEnums.midpointRounding }
        if case .string(let s) = v { return DotNetEnums.midpointRounding.member(named: s) != nil }
        return false
    }
}
