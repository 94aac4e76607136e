import Foundation
import PowerShellSyntax

/// What compiled expressions do once their operands are values: literals, the hot numeric
/// operators, the general operator call, type resolution, indexing and member helpers.
extension ExecutionContext {

    static func literalValue(_ n: NumberLiteral) -> Value {
        switch n {
        case .int32(let i): return .int(i)
        case .int64(let l): return .long(l)
        case .double(let d): return .double(d)
        case .decimal(let text): return .decimal(PSDecimal.parse(text) ?? .zero)
        case .byte(let b): return .sized(SizedNumber(kind: .byte, integer: Int64(b)))
        case .sbyte(let b): return .sized(SizedNumber(kind: .sbyte, integer: Int64(b)))
        case .int16(let b): return .sized(SizedNumber(kind: .int16, integer: Int64(b)))
        case .uint16(let b): return .sized(SizedNumber(kind: .uint16, integer: Int64(b)))
        case .uint32(let b): return .sized(SizedNumber(kind: .uint32, integer: Int64(b)))
        case .uint64(let b): return .sized(SizedNumber(uint64: b))
        case .bigInteger(let t): return .sized(SizedNumber(bigDigits: t, approximate: Double(t) ?? 0))
        }
    }

    /// A binary operator on evaluated operands (not the short-circuit ones), through the
    /// general operator code; sets `$Matches` after a successful `-match`.
    func applyBinary(_ b: BinaryExpressionAst, _ l: Value, _ r: Value) throws -> Value {
        let result: Value
        do {
            result = try Operators.binary(b.op, l, r, hooks: hooks)
        } catch let e as RuntimeError {
            if ExecutionContext.errorsAtOperator.contains(e.record.errorId), e.record.invocationInfo == nil {
                e.record.invocationInfo = InvocationInfo(commandName: "", extent: b.operatorExtent)
            }
            throw e
        }
        if let m = hooks.lastMatches {
            hooks.lastMatches = nil
            try assignVariable(in: currentScope, folded: "matches", name: "Matches", value: .object(m))
        }
        return result
    }

    /// The hot numeric cases of `+ - -lt -le -gt -ge -eq -ne` on Int32/Int64/Double, computed
    /// without the general operator machinery; nil when the general path must decide
    /// (overflow, other types, other operators).
    @inline(__always)
    static func fastBinary(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Value? {
        let x: Int64, y: Int64
        switch (l, r) {
        case (.int(let a), .int(let b)):
            switch op {
            case .add:
                let (s, o) = a.addingReportingOverflow(b)
                return o ? nil : .int(s)
            case .subtract:
                let (s, o) = a.subtractingReportingOverflow(b)
                return o ? nil : .int(s)
            case .multiply:
                let (s, o) = a.multipliedReportingOverflow(by: b)
                return o ? nil : .int(s)
            case .remainder:
                // pwsh's % on Int32: the sign follows the dividend (as Swift's); division by
                // zero and Int32.min % -1 take the general path.
                if b == 0 || (a == Int32.min && b == -1) { return nil }
                return .int(a % b)
            default:
                x = Int64(a); y = Int64(b)
            }
        case (.long(let a), .long(let b)): x = a; y = b
        case (.long(let a), .int(let b)): x = a; y = Int64(b)
        case (.int(let a), .long(let b)): x = Int64(a); y = b
        case (.double, .double), (.double, .int), (.int, .double), (.double, .long), (.long, .double):
            let a: Double, b: Double
            switch l {
            case .double(let d): a = d
            case .int(let i): a = Double(i)
            case .long(let i): a = Double(i)
            default: return nil
            }
            switch r {
            case .double(let d): b = d
            case .int(let i): b = Double(i)
            case .long(let i): b = Double(i)
            default: return nil
            }
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .lt, .ilt, .clt: return .bool(a < b)
            case .le, .ile, .cle: return .bool(a <= b)
            case .gt, .igt, .cgt: return .bool(a > b)
            case .ge, .ige, .cge: return .bool(a >= b)
            default: return nil
            }
        default:
            return nil
        }
        switch op {
        case .add:
            let (s, o) = x.addingReportingOverflow(y)
            return o ? nil : .long(s)
        case .subtract:
            let (s, o) = x.subtractingReportingOverflow(y)
            return o ? nil : .long(s)
        case .lt, .ilt, .clt: return .bool(x < y)
        case .le, .ile, .cle: return .bool(x <= y)
        case .gt, .igt, .cgt: return .bool(x > y)
        case .ge, .ige, .cge: return .bool(x >= y)
        case .eq, .ieq, .ceq: return .bool(x == y)
        case .ne, .ine, .cne: return .bool(x != y)
        default: return nil
        }
    }

    /// The comparison operators whose numeric cases `fastCompare` answers.
    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .lt, .le, .gt, .ge, .eq, .ne, .ilt, .ile, .igt, .ige, .ieq, .ine, .clt, .cle, .cgt, .cge, .ceq, .cne: return true
        default: return false
        }
    }

    /// `fastBinary` for a comparison, as a Boolean.
    @inline(__always)
    static func fastCompare(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Bool? {
        if case .int(let a) = l, case .int(let b) = r {
            switch op {
            case .lt, .ilt, .clt: return a < b
            case .le, .ile, .cle: return a <= b
            case .gt, .igt, .cgt: return a > b
            case .ge, .ige, .cge: return a >= b
            case .eq, .ieq, .ceq: return a == b
            case .ne, .ine, .cne: return a != b
            default: return nil
            }
        }
        guard case .bool(let b)? = fastBinary(op, l, r) else { return nil }
        return b
    }

    func resolveType(_ t: TypeName, extent: SourceExtent) throws -> PSType {
        if case .simple(let name) = t, !usingModuleScopes.isEmpty {
            do {
                if let type = try usingModuleType(name) { return type }
            } catch let e as RuntimeError {
                e.record.invocationInfo = InvocationInfo(commandName: "", extent: extent)
                throw e
            }
        }
        if let type = TypeResolver.resolve(t, hooks: hooks) { return type }
        throw RuntimeError(.runtimeException, "Unable to find type [\(t)].", errorId: "TypeNotFound",
                           category: .InvalidOperation, extent: extent, target: .string(t.description))
    }

    func classHasMethod(_ def: PSClassDefinition, _ name: String) -> Bool {
        var d: PSClassDefinition? = def
        let key = name.lowercased()
        while let c = d {
            if c.methods[key] != nil { return true }
            d = c.baseClass
        }
        return false
    }

    /// Output of a call as a value: nothing → $null, one → itself, more → object[].
    func collapse(_ items: [Value]) -> Value {
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: return .object(PSArray(items))
        }
    }

    // MARK: - Indexing

    /// `$a[i]`, `$a[-1]`, `$a[1,2]`, `$a[0..2]`, `$h['k']`, `$s[0]`.
    func indexValue(_ target: Value, _ index: Value) throws -> Value {
        switch target {
        case .object(let o):
            if let a = o as? PSArray {
                if a.dimensions != nil {
                    return try indexMultidimensional(a, index)
                }
                if let many = index.array {
                    var out: [Value] = []
                    for ix in many.items {
                        let v = try indexArray(a, ix)
                        if let v = v { out.append(v) }
                    }
                    return .object(PSArray(out))
                }
                return try indexArray(a, index) ?? .null
            }
            if let h = o as? PSHashtable {
                if let many = index.array {
                    return .object(PSArray(many.items.map { h[$0] ?? .null }))
                }
                return h[index] ?? .null
            }
            if let t = o as? PSTupleObject {
                // A Tuple or ValueTuple (ITuple) indexes like an array of its items: negative
                // from the end, several indices give several items.
                return try indexValue(.object(PSArray(t.items)), index)
            }
            return try Members.invokeMethod(target, "get_Item", [index], hooks: hooks)
        case .string(let s):
            let units = Array(s.utf16)
            func one(_ ix: Value) throws -> Value? {
                var n = Int(try Conversion.toInt64(ix))
                if n < 0 { n += units.count }
                guard n >= 0 && n < units.count else { return nil }
                return .char(units[n])
            }
            if let many = index.array {
                return .object(PSArray(try many.items.compactMap { try one($0) }))
            }
            return try one(index) ?? .null
        default:
            // Scalars index as a one-element collection.
            if let n = try? Conversion.toInt64(index), n == 0 || n == -1 { return target }
            return .null
        }
    }

    /// `$a[1,1]` on a multidimensional array: one index per dimension names one element; a
    /// list of such index lists gives their elements. Outside the bounds gives nothing.
    func indexMultidimensional(_ a: PSArray, _ index: Value) throws -> Value {
        func coordinates(_ v: Value) throws -> [Int]? {
            guard let parts = v.array?.items else { return nil }
            return try parts.map { Int(try Conversion.toInt64($0)) }
        }
        if let indices = try coordinates(index) {
            return a.offset(of: indices).map { a.items[$0] } ?? .null
        }
        if let lists = index.array?.items, lists.allSatisfy({ $0.array != nil }) {
            var out: [Value] = []
            for list in lists {
                if let c = try coordinates(list), let at = a.offset(of: c) { out.append(a.items[at]) }
            }
            return .object(PSArray(out))
        }
        return .null
    }

    func indexArray(_ a: PSArray, _ index: Value) throws -> Value? {
        var n = Int(try Conversion.toInt64(index))
        if n < 0 { n += a.items.count }
        guard n >= 0 && n < a.items.count else {
            if currentScope.effectiveStrictMode >= 3 {
                throw RuntimeError(.indexOutOfRangeException, "Index was outside the bounds of the array.", errorId: "IndexOutOfRange", category: .NotSpecified)
            }
            return nil
        }
        return a.items[n]
    }
}

