import Foundation

/// PowerShell's conversion rules, the one place where values change type (pwsh's
/// `LanguagePrimitives`): truthiness, value → text, casts and parameter coercion, `-as`,
/// `GetType()`, `-is`, and which values a pipeline enumerates.
public enum Conversion {
    // MARK: Truth

    /// pwsh's `IsTrue`: null, 0, "" and empty collections are false; a one-element collection
    /// has its element's truth; every other object is true (`[bool]'False'` is True).
    public static func toBool(_ v: Value) -> Bool {
        switch v {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .long(let l): return l != 0
        case .double(let d): return d != 0
        case .decimal(let d): return !d.isZero
        case .string(let s): return !s.isEmpty
        case .char: return true
        case .sized(let n): return n.kind == .single || n.kind == .bigInteger || n.kind == .uint64 ? n.floating != 0 || n.integer != 0 : n.integer != 0
        case .object(let o):
            guard let a = o as? PSArray else {
                if let sw = o as? SwitchParameterValue { return sw.isPresent }
                return true
            }
            switch a.items.count {
            case 0: return false
            case 1:
                if let inner = a.items[0].array { return inner.items.count > 0 }
                return toBool(a.items[0])
            default: return true
            }
        }
    }

    // MARK: Text

    /// The text `"$x"` and `[string]$x` give. Arrays are joined with `$OFS` (one level: nested
    /// arrays show their type name, as pwsh's element `ToString()` does).
    public static func toString(_ v: Value, hooks: RuntimeHooks? = nil) -> String {
        switch v {
        case .string(let s): return s
        case .null: return ""
        case .int(let i): return String(i)
        case .long(let l): return String(l)
        case .bool(let b): return b ? "True" : "False"
        case .double(let d): return NumberFormatting.invariantText(d)
        case .decimal(let d): return NumberFormatting.format(d)
        case .char(let c): return String(decoding: CollectionOfOne(c), as: UTF16.self)
        case .sized(let n): return NumberFormatting.text(n)
        case .object(let o):
            if let a = o as? PSArray {
                let sep = hooks?.outputFieldSeparator ?? " "
                var out = ""
                var first = true
                for item in a.items {
                    if !first { out += sep }
                    first = false
                    out += elementText(item, hooks: hooks)
                }
                return out
            }
            return objectText(o, hooks: hooks)
        }
    }

    /// The text the console shows for a scalar (Out-Default, table and list cells): like
    /// `toString`, but doubles and singles use the current culture's (en-US) infinity symbol
    /// `∞` where `"$x"` gives the invariant `Infinity`.
    public static func displayString(_ v: Value, hooks: RuntimeHooks? = nil) -> String {
        switch v {
        case .double(let d): return NumberFormatting.format(d)
        case .sized(let n) where n.kind == .single && n.floating.isInfinite: return n.floating < 0 ? "-∞" : "∞"
        default: return toString(v, hooks: hooks)
        }
    }

    /// One element's `ToString()`: like `toString` but a nested collection shows its type name.
    static func elementText(_ v: Value, hooks: RuntimeHooks?) -> String {
        if case .object(let o) = v, o is PSArray { return o.typeFullName }
        return toString(v, hooks: hooks)
    }

    /// `ToString()` of a reference object.
    static func objectText(_ o: PSObjectBase, hooks: RuntimeHooks?) -> String {
        switch o {
        case let c as PSCustomObject:
            var out = "@{"
            for (i, (name, value)) in zip(c.names, c.values).enumerated() {
                if i > 0 { out += "; " }
                out += name + "=" + elementText(value, hooks: hooks)
            }
            return out + "}"
        case let n as PSNativeObject:
            return n.toPSString()
        case let sb as ScriptBlock:
            return sb.text
        case let ci as PSClassInstance:
            if let h = hooks, ci.definition.methods["tostring"] != nil,
               let r = try? h.invokeClassMethod(ci.definition, ci, "ToString", []) {
                return toString(r, hooks: hooks)
            }
            return o.typeFullName
        default:
            return o.typeFullName
        }
    }

    // MARK: Types

    /// `GetType()`.
    public static func typeOf(_ v: Value) -> PSType {
        switch v {
        case .null: return TypeResolver.object
        case .bool: return TypeResolver.bool
        case .int: return TypeResolver.int32
        case .long: return TypeResolver.int64
        case .double: return TypeResolver.double
        case .decimal: return TypeResolver.decimal
        case .string: return TypeResolver.string
        case .char: return TypeResolver.char
        case .sized(let n): return sizedType(n.kind)
        case .object(let o): return typeOfObject(o)
        }
    }

    static func sizedType(_ k: SizedNumber.Kind) -> PSType {
        switch k {
        case .byte: return TypeResolver.byte
        case .sbyte: return TypeResolver.sbyte
        case .int16: return TypeResolver.int16
        case .uint16: return TypeResolver.uint16
        case .uint32: return TypeResolver.uint32
        case .uint64: return TypeResolver.uint64
        case .single: return TypeResolver.single
        case .bigInteger: return TypeResolver.bigInteger
        }
    }

    private static func typeOfObject(_ o: PSObjectBase) -> PSType {
        switch o {
        case let a as PSArray:
            switch a.kind {
            case .array(let e):
                guard let e = e else { return a.rank > 1 ? TypeResolver.arrayType(of: TypeResolver.object, rank: a.rank) : TypeResolver.objectArray }
                return TypeResolver.arrayType(of: TypeResolver.resolve(name: e) ?? PSType(kind: .named, fullName: e), rank: a.rank)
            case .arrayList: return TypeResolver.arrayList
            case .genericList(let e):
                return TypeResolver.listType(of: TypeResolver.resolve(name: e) ?? PSType(kind: .named, fullName: e))
            }
        case let h as PSHashtable:
            if h.isOrderedHashtable || h.isGenericDictionary { return PSType(kind: .named, fullName: h.typeFullName) }
            return h.isOrdered ? TypeResolver.ordered : TypeResolver.hashtable
        case let c as PSCustomObject:
            if let name = c.dotNetTypeName { return PSType(kind: .named, fullName: name) }
            return TypeResolver.pscustomobjectType
        case is ScriptBlock: return TypeResolver.scriptblock
        case is PSTypeObject: return TypeResolver.runtimeType
        case let e as PSEnumValue: return PSType(kind: .enumeration(e.definition), fullName: e.definition.fullName)
        case let c as PSClassInstance: return PSType(kind: .psClass(c.definition), fullName: c.definition.name)
        case let e as PSExceptionObject:
            return TypeResolver.resolve(name: e.typeFullName) ?? PSType(kind: .exception(.custom(e.typeChain)), fullName: e.typeFullName)
        case is ErrorRecord: return TypeResolver.errorRecord
        case is PSRegex: return TypeResolver.regex
        default:
            return TypeResolver.resolve(name: o.typeFullName) ?? PSType(kind: .named, fullName: o.typeFullName)
        }
    }

    /// The .NET type names a value is an instance of, most specific first (for `-is`, catch
    /// and format views of primitives).
    public static func typeNames(_ v: Value) -> [String] {
        switch v {
        case .null: return []
        case .string: return ["System.String", "System.Object"]
        case .object(let o): return o.typeHierarchy
        case .bool, .int, .long, .double, .decimal, .char, .sized:
            return [typeOf(v).fullName, "System.ValueType", "System.Object"]
        }
    }

    /// Interfaces .NET arrays and lists implement (`-is [System.Collections.IList]`).
    private static let collectionInterfaces: Set<String> = [
        "system.collections.ilist", "system.collections.icollection", "system.collections.ienumerable",
    ]

    /// Interfaces Hashtable and OrderedDictionary implement.
    private static let dictionaryInterfaces: Set<String> = [
        "system.collections.idictionary", "system.collections.icollection", "system.collections.ienumerable",
    ]

    private static let primitiveInterfaces: Set<String> = [
        "system.icomparable", "system.iconvertible", "system.iformattable", "system.iequatable`1",
    ]

    /// `-is`: true when the value is an instance of the type (or a subtype).
    public static func isInstance(_ v: Value, of type: PSType) -> Bool {
        if case .null = v { return false }
        switch type.kind {
        case .object: return true
        case .void: return false
        case .bool: if case .bool = v { return true }; return false
        case .int32: if case .int = v { return true }; return false
        case .int64: if case .long = v { return true }; return false
        case .double: if case .double = v { return true }; return false
        case .decimal: if case .decimal = v { return true }; return false
        case .string: if case .string = v { return true }; return false
        case .char: if case .char = v { return true }; return false
        case .sized(let k): if case .sized(let n) = v { return n.kind == k }; return false
        case .array(let element):
            guard let a = v.array, case .array(let e) = a.kind else { return false }
            if type.fullName == "System.Array" || element === TypeResolver.object && e == nil { return true }
            return (e ?? "System.Object").caseInsensitiveCompare(element.fullName) == .orderedSame
        case .list(let element):
            guard let a = v.array, case .genericList(let e) = a.kind else { return false }
            return e.caseInsensitiveCompare(element.fullName) == .orderedSame
        case .arrayList:
            guard let a = v.array, case .arrayList = a.kind else { return false }
            return true
        case .hashtable:
            // OrderedHashtable derives from Hashtable; OrderedDictionary does not.
            guard let h = v.hashtable else { return false }
            return !h.isOrdered || h.isOrderedHashtable
        case .ordered:
            guard let h = v.hashtable else { return false }
            return h.isOrdered && !h.isOrderedHashtable
        case .pscustomobject, .psobject:
            guard case .object(let o) = v else { return false }
            return o is PSCustomObject
        case .scriptblock: return v.reference is ScriptBlock
        case .switchParameter: return false
        case .type: return v.reference is PSTypeObject
        case .enumeration(let def):
            guard let e = v.reference as? PSEnumValue else { return false }
            return e.definition === def || e.definition.fullName.caseInsensitiveCompare(def.fullName) == .orderedSame
        case .psClass(let def):
            guard let c = v.reference as? PSClassInstance else { return false }
            var d: PSClassDefinition? = c.definition
            while let x = d {
                if x === def { return true }
                d = x.baseClass
            }
            return false
        default:
            let target = type.fullName.lowercased()
            if case .object(let o) = v {
                if o.typeHierarchy.contains(where: { $0.lowercased() == target }) { return true }
                switch o {
                case is PSArray: return collectionInterfaces.contains(target)
                case is PSHashtable: return dictionaryInterfaces.contains(target)
                default: return false
                }
            }
            if target == "system.valuetype" { if case .string = v { return false }; return true }
            if primitiveInterfaces.contains(target) { return true }
            if target == "system.collections.ienumerable", case .string = v { return true }
            return false
        }
    }

    // MARK: Enumeration

    /// The items a pipeline or `foreach` enumerates; nil for scalars. Hashtables and strings are
    /// scalars, as in pwsh.
    @inline(__always)
    public static func enumerate(_ v: Value) -> [Value]? {
        guard case .object(let o) = v else { return nil }
        if let a = o as? PSArray { return a.items }
        return Members.enumeratedItems(v)
    }

    // MARK: Conversion entry points

    /// `-as`: the converted value, or nil when the conversion fails.
    public static func tryConvert(_ v: Value, to type: PSType, hooks: RuntimeHooks? = nil) -> Value? {
        try? convert(v, to: type, hooks: hooks)
    }

    public static func toInt32(_ v: Value) throws -> Int32 {
        if case .int(let i) = v { return i }
        guard case .int(let i) = try convert(v, to: TypeResolver.int32) else { return 0 }
        return i
    }

    public static func toInt64(_ v: Value) throws -> Int64 {
        switch v {
        case .int(let i): return Int64(i)
        case .long(let l): return l
        default:
            guard case .long(let l) = try convert(v, to: TypeResolver.int64) else { return 0 }
            return l
        }
    }

    public static func toDouble(_ v: Value) throws -> Double {
        switch v {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default:
            guard case .double(let d) = try convert(v, to: TypeResolver.double) else { return 0 }
            return d
        }
    }
}
