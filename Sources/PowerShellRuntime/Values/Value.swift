import Foundation

/// One PowerShell value. .NET value types (numbers, bool, char, string) are Swift values;
/// .NET reference types (arrays, hashtables, PSObjects, script blocks, everything else) are
/// `final class` instances behind `.object`, so they keep reference semantics as in pwsh.
/// The evaluator switches on this enum; there are no `Any` or protocol existentials in it.
public enum Value {
    case null
    case bool(Bool)
    /// System.Int32
    case int(Int32)
    /// System.Int64
    case long(Int64)
    /// System.Double
    case double(Double)
    /// System.Decimal
    case decimal(PSDecimal)
    /// System.String (UTF-16 semantics through `.utf16`).
    case string(String)
    /// System.Char (one UTF-16 unit).
    case char(UInt16)
    /// The other numeric types: Byte, SByte, Int16, UInt16, UInt32, UInt64, Single, BigInteger.
    case sized(SizedNumber)
    /// Any reference object.
    case object(PSObjectBase)

    public static let emptyString = Value.string("")

    @inline(__always) public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The object behind `.object`, if any.
    @inline(__always) public var reference: PSObjectBase? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The array behind this value, when it is an array or list.
    @inline(__always) public var array: PSArray? {
        if case .object(let o) = self { return o as? PSArray }
        return nil
    }

    public var hashtable: PSHashtable? {
        if case .object(let o) = self { return o as? PSHashtable }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// The .NET numeric types that PowerShell scripts meet rarely; kept out of the hot enum cases.
/// A class (immutable), so that `Value` stays as small as its largest common payload, a String.
public final class SizedNumber: Equatable {
    public static func == (a: SizedNumber, b: SizedNumber) -> Bool {
        a.kind == b.kind && a.integer == b.integer && a.floating == b.floating && a.bigDigits == b.bigDigits
    }

    public enum Kind: Equatable {
        case byte, sbyte, int16, uint16, uint32, uint64, single, bigInteger
    }

    public let kind: Kind
    /// The value for every integer kind but UInt64 above Int64.max and BigInteger.
    public let integer: Int64
    /// The value for `uint64` above Int64.max, for `single`, and for `bigInteger` beyond Int64.
    public let floating: Double
    /// The exact digits of a big integer when it does not fit in Int64.
    public let bigDigits: String?

    public init(kind: Kind, integer: Int64) {
        self.kind = kind
        self.integer = integer
        self.floating = Double(integer)
        self.bigDigits = nil
    }

    public init(single: Float) {
        self.kind = .single
        self.integer = 0
        self.floating = Double(single)
        self.bigDigits = nil
    }

    public init(uint64: UInt64) {
        self.kind = .uint64
        self.integer = Int64(truncatingIfNeeded: uint64)
        self.floating = Double(uint64)
        self.bigDigits = nil
    }

    public init(bigDigits: String, approximate: Double) {
        self.kind = .bigInteger
        self.integer = Int64(exactly: approximate) ?? 0
        self.floating = approximate
        self.bigDigits = bigDigits
    }

    public var uint64Value: UInt64 { UInt64(bitPattern: integer) }

    /// The .NET type name (`Byte`, `Int16`, …).
    public var typeName: String {
        switch kind {
        case .byte: return "Byte"
        case .sbyte: return "SByte"
        case .int16: return "Int16"
        case .uint16: return "UInt16"
        case .uint32: return "UInt32"
        case .uint64: return "UInt64"
        case .single: return "Single"
        case .bigInteger: return "BigInteger"
        }
    }
}

// MARK: - Reference objects

/// The base of every reference object. It carries the PowerShell extended type system's
/// per-instance state: type names (`pstypenames`) and members added with Add-Member.
open class PSObjectBase {
    /// Members added to this instance (Add-Member, ScriptMethod …), in insertion order.
    public var instanceMembers: PSMemberTable?
    /// Extra type names put in front of the natural ones (`$o.PSObject.TypeNames.Insert(0, 'X')`,
    /// `[pscustomobject]@{PSTypeName='X'}`).
    public var extraTypeNames: [String] = []

    public init() {}

    /// The .NET full type name, such as `System.Object[]` or `System.Collections.Hashtable`.
    open var typeFullName: String { "System.Object" }

    /// The type's inheritance chain, most specific first (used by `-is`, catch and format views).
    open var typeHierarchy: [String] { [typeFullName, "System.Object"] }

    /// `$o.pstypenames`: extra names first, then the type hierarchy.
    open var typeNames: [String] { extraTypeNames + typeHierarchy }

    /// Takes a name of the type hierarchy out of `pstypenames` (pwsh's TypeNames is a plain
    /// list a script may edit), leaving `-is` and `catch` to the .NET type; false when this
    /// kind of object keeps its names (only the objects Get-Error relabels need it).
    open func hideTypeName(_ name: String) -> Bool { false }

    /// Puts back a name `hideTypeName` took out; false when it was not hidden.
    open func showTypeName(_ name: String) -> Bool { false }

    /// The short .NET type name (`Object[]`, `Hashtable`).
    public var typeName: String {
        let full = typeFullName
        if let dot = full.lastIndex(of: ".") { return String(full[full.index(after: dot)...]) }
        return full
    }
}

/// An ordered, case-insensitive table of members added to one object.
public final class PSMemberTable {
    public private(set) var members: [PSMember] = []
    private var index: [String: Int] = [:]

    public init() {}

    public func get(_ name: String) -> PSMember? {
        guard let i = index[name.lowercased()] else { return nil }
        return members[i]
    }

    public func set(_ member: PSMember) {
        let key = member.name.lowercased()
        if let i = index[key] {
            members[i] = member
        } else {
            index[key] = members.count
            members.append(member)
        }
    }

    public func remove(_ name: String) {
        let key = name.lowercased()
        guard let i = index[key] else { return }
        members.remove(at: i)
        index = [:]
        for (j, m) in members.enumerated() { index[m.name.lowercased()] = j }
    }

    public var count: Int { members.count }

    /// A table with the same members, to change apart from this one.
    public func copy() -> PSMemberTable {
        let t = PSMemberTable()
        for m in members { t.set(m) }
        return t
    }
}

/// A member added through the extended type system.
public struct PSMember {
    public enum Kind {
        case noteProperty(Value)
        /// Getter and optional setter script blocks.
        case scriptProperty(getter: ScriptBlock?, setter: ScriptBlock?)
        case scriptMethod(ScriptBlock)
        /// Refers to another property by name.
        case aliasProperty(String)
    }

    public let name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// `System.Object[]`, typed arrays (`int[]`), `System.Collections.ArrayList` and
/// `System.Collections.Generic.List[T]`: one class, because scripts treat them alike and the
/// evaluator enumerates them the same way. Arrays are fixed size (`+=` builds a new one);
/// lists grow with `.Add`.
public final class PSArray: PSObjectBase {
    public enum Kind: Equatable {
        /// `object[]` or a typed array `T[]` (element type full name, nil for object).
        case array(elementType: String?)
        case arrayList
        /// `List[T]` with the element type's full name.
        case genericList(elementType: String)
    }

    public var items: [Value]
    public var kind: Kind
    /// The lengths of a multidimensional array's dimensions (`[string[,]]::new(3,2)` has
    /// [3, 2]), its items kept in row-major order; nil for an ordinary one-dimensional array.
    public var dimensions: [Int]?

    public init(_ items: [Value], kind: Kind = .array(elementType: nil)) {
        self.items = items
        self.kind = kind
    }

    /// The number of dimensions (`.Rank`).
    public var rank: Int { dimensions?.count ?? 1 }

    /// The offset of `indices` in `items`, or nil when they are not one in-range index per
    /// dimension.
    public func offset(of indices: [Int]) -> Int? {
        guard let dims = dimensions, indices.count == dims.count else { return nil }
        var offset = 0
        for (i, d) in zip(indices, dims) {
            guard i >= 0, i < d else { return nil }
            offset = offset * d + i
        }
        return offset
    }

    public var isFixedSize: Bool {
        if case .array = kind { return true }
        return false
    }

    public var count: Int { items.count }

    public override var typeFullName: String {
        switch kind {
        case .array(let element): return (element ?? "System.Object") + "[" + String(repeating: ",", count: rank - 1) + "]"
        case .arrayList: return "System.Collections.ArrayList"
        case .genericList(let element): return "System.Collections.Generic.List`1[[\(element)]]"
        }
    }

    public override var typeHierarchy: [String] {
        switch kind {
        case .array: return [typeFullName, "System.Array", "System.Object"]
        case .arrayList, .genericList: return [typeFullName, "System.Object"]
        }
    }
}

/// A hashtable key folded once: strings compare case-insensitively (pwsh's `@{}` uses
/// OrdinalIgnoreCase); numbers compare by value within their own kind, as .NET's Equals does.
public enum HashKey: Hashable {
    case string(String)
    case integer(Int64)
    case floating(Double)
    case bool(Bool)
    case null
    case reference(ObjectIdentifier)
    case other(String)
}

/// `System.Collections.Hashtable` and `System.Collections.Specialized.OrderedDictionary`.
/// Keeps insertion order for both: NOTE: .NET's Hashtable enumerates in hash-bucket order that
/// varies between runs; insertion order is the stable choice and what `[ordered]` promises.
public final class PSHashtable: PSObjectBase {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index = HashKeyIndex()
    public let isOrdered: Bool
    /// False for a Hashtable made with a case-sensitive comparer (rare).
    public let caseInsensitive: Bool

    public init(ordered: Bool = false, caseInsensitive: Bool = true) {
        self.isOrdered = ordered
        self.caseInsensitive = caseInsensitive
    }

    public var count: Int { keys.count }

    /// True for `System.Management.Automation.OrderedHashtable` (ConvertFrom-Json -AsHashtable):
    /// an ordered Hashtable subclass, so it is also a `[hashtable]`.
    public var isOrderedHashtable = false
    /// True for `$PSBoundParameters`: a PSBoundParametersDictionary, which is a
    /// Dictionary<string, object> with a case-insensitive comparer (not a Hashtable), kept in the
    /// order the parameters were bound.
    public var isBoundParameters = false
    /// A generic `Dictionary<TKey, TValue>` (`[Dictionary[string,int]]::new()`): keys and values
    /// are converted to these types; `$PSBoundParameters` is one of string and object.
    public var dictionaryTypes: (key: PSType, value: PSType)?

    /// A generic Dictionary (whose methods and display differ from a Hashtable's).
    public var isGenericDictionary: Bool { dictionaryTypes != nil || isBoundParameters }

    /// An OrderedDictionary (`[ordered]`), whose integer indexer and Insert/RemoveAt go by position.
    public var isOrderedDictionary: Bool { isOrdered && !isOrderedHashtable && !isGenericDictionary }

    /// `System.Collections.Generic.Dictionary`2[[K],[V]]` in the runtime's spelling.
    private var genericDictionaryName: String {
        let k = dictionaryTypes?.key.fullName ?? "System.String", v = dictionaryTypes?.value.fullName ?? "System.Object"
        return "System.Collections.Generic.Dictionary`2[[\(k)],[\(v)]]"
    }

    public override var typeFullName: String {
        if isOrderedHashtable { return "System.Management.Automation.OrderedHashtable" }
        if isBoundParameters { return "System.Management.Automation.PSBoundParametersDictionary" }
        if dictionaryTypes != nil { return genericDictionaryName }
        return isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable"
    }

    public override var typeHierarchy: [String] {
        if isOrderedHashtable { return [typeFullName, "System.Collections.Hashtable", "System.Object"] }
        if isBoundParameters { return [typeFullName, genericDictionaryName, "System.Object"] }
        return [typeFullName, "System.Object"]
    }

    public func hashKey(_ key: Value) -> HashKey {
        switch key {
        case .string(let s): return .string(caseInsensitive ? s.foldedForLookup : s)
        case .char(let c): return .string(caseInsensitive ? String(decoding: [c], as: UTF16.self).lowercased() : String(decoding: [c], as: UTF16.self))
        case .int(let i): return .integer(Int64(i))
        case .long(let l): return .integer(l)
        case .sized(let n): return n.kind == .single ? .floating(n.floating) : .integer(n.integer)
        case .double(let d): return d.rounded() == d && abs(d) < 9e18 ? .integer(Int64(d)) : .floating(d)
        case .decimal(let d): return .other(d.value.description)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .object(let o): return .reference(ObjectIdentifier(o))
        }
    }

    public subscript(key: Value) -> Value? {
        guard let i = index.position(of: hashKey(key)) else { return nil }
        return values[i]
    }

    public func get(_ key: String) -> Value? { self[.string(key)] }

    public func containsKey(_ key: Value) -> Bool { index.position(of: hashKey(key)) != nil }

    /// Sets or replaces a value; a replaced key keeps its place and its original spelling.
    public func set(_ key: Value, _ value: Value) {
        let (i, inserted) = index.positionOrAppend(hashKey(key))
        if inserted {
            keys.append(key)
            values.append(value)
        } else {
            values[i] = value
        }
    }

    /// Adds a key; returns false when it already exists (Hashtable.Add then throws).
    @discardableResult
    public func add(_ key: Value, _ value: Value) -> Bool {
        guard index.positionOrAppend(hashKey(key)).inserted else { return false }
        keys.append(key)
        values.append(value)
        return true
    }

    public func remove(_ key: Value) {
        guard let i = index.position(of: hashKey(key)) else { return }
        keys.remove(at: i)
        values.remove(at: i)
        rebuildIndex()
    }

    public func removeAll() {
        keys = []
        values = []
        index = HashKeyIndex()
    }

    private func rebuildIndex() {
        index = HashKeyIndex()
        for k in keys { _ = index.positionOrAppend(hashKey(k)) }
    }

    /// A shallow copy (`.Clone()`).
    public func copy() -> PSHashtable {
        let h = PSHashtable(ordered: isOrdered, caseInsensitive: caseInsensitive)
        for (k, v) in zip(keys, values) { h.set(k, v) }
        return h
    }
}

/// `[pscustomobject]` / `System.Management.Automation.PSCustomObject`: ordered note properties
/// with case-insensitive names. Module objects (Teams policies, calls) are PSCustomObjects
/// with their own type name in `extraTypeNames`, which selects their registered format view.
public final class PSCustomObject: PSObjectBase {
    public private(set) var names: [String] = []
    public private(set) var values: [Value] = []
    private var index: [String: Int] = [:]

    public override init() {}

    public init(_ pairs: [(String, Value)], typeName: String? = nil) {
        super.init()
        for (n, v) in pairs { set(n, v) }
        if let t = typeName { extraTypeNames = [t] }
    }

    /// An object with the note properties of `shape` (names and order), holding `values` in that
    /// order: rows read from one source (Import-Csv's records) share the name list and lookup
    /// table until one of them changes its properties. Missing values are `$null`.
    public init(shapeOf shape: PSCustomObject, values: [Value]) {
        names = shape.names
        index = shape.index
        var v = values
        if v.count > names.count { v.removeLast(v.count - names.count) }
        while v.count < names.count { v.append(.null) }
        self.values = v
        super.init()
    }

    /// The slot `set(name, …)` writes to (for filling `init(shapeOf:values:)`'s values).
    public func position(of name: String) -> Int? { index[name.lowercased()] }

    public override var typeFullName: String { dotNetTypeName ?? "System.Management.Automation.PSCustomObject" }

    /// The .NET class this object stands for, when it models an instance of a class teamsh has no
    /// type for (a binary cmdlet's output object): `GetType()`, `pstypenames` and `-is` then name
    /// that class, and Get-Member shows its properties as settable .NET properties.
    public var dotNetTypeName: String?
    /// The declared type of each property of such an object (lower-cased name → type display
    /// name, as Get-Member prints it), which a `$null` value does not show.
    public var declaredPropertyTypes: [String: String] = [:]

    /// An object modelling an instance of the .NET class `typeName`, with its properties in order.
    public convenience init(dotNetType typeName: String, properties pairs: [(String, Value)], declaredTypes: [String: String] = [:]) {
        self.init(pairs)
        dotNetTypeName = typeName
        declaredPropertyTypes = declaredTypes
    }

    /// True when the object stands for a PSObject that wraps another one rather than a bare
    /// custom object (pwsh's HelpInfoShort is `new PSObject(FullHelp)` in HelpInfo.cs): its
    /// immediate base object is then not a PSCustomObject, which Select-Object looks at.
    public var wrapsObject = false

    public var count: Int { names.count }

    public func get(_ name: String) -> Value? {
        guard let i = index[name.foldedForLookup] else { return nil }
        return values[i]
    }

    public func has(_ name: String) -> Bool { index[name.foldedForLookup] != nil }

    /// The property's name as it was first written.
    public func canonicalName(_ name: String) -> String? {
        guard let i = index[name.lowercased()] else { return nil }
        return names[i]
    }

    public func set(_ name: String, _ value: Value) {
        let key = name.lowercased()
        if let i = index[key] {
            values[i] = value
        } else {
            index[key] = names.count
            names.append(name)
            values.append(value)
        }
    }

    public func remove(_ name: String) {
        guard let i = index[name.lowercased()] else { return }
        names.remove(at: i)
        values.remove(at: i)
        index = [:]
        for (j, n) in names.enumerated() { index[n.lowercased()] = j }
        for (k, slot) in memberSlots where slot > i { memberSlots[k] = slot - 1 }
    }

    public var pairs: [(String, Value)] { Array(zip(names, values)) }

    /// Where each member added beside the note properties (Add-Member's ScriptProperty or
    /// AliasProperty) stands among them: the number of note properties added before it. pwsh
    /// keeps all of a PSCustomObject's members in one list, in the order they were added.
    public var memberSlots: [String: Int] = [:]

    /// The note property names with `others` (instance members) at their slots; members
    /// without a slot come last.
    public func names(mergedWith others: [String]) -> [String] {
        if others.isEmpty { return names }
        if memberSlots.isEmpty { return names + others }
        var out: [String] = []
        out.reserveCapacity(names.count + others.count)
        for i in 0...names.count {
            for m in others where min(memberSlots[m.lowercased()] ?? names.count, names.count) == i { out.append(m) }
            if i < names.count { out.append(names[i]) }
        }
        return out
    }
}

/// A boxed .NET object the runtime models natively (DateTime, TimeSpan, Guid, Version, Regex,
/// StringBuilder, Match, FileInfo, …). Each kind is a subclass in Members files; this base
/// lets formatting and members ask for properties by name without knowing the kind.
open class PSNativeObject: PSObjectBase {
    /// Property names in the order Get-Member/Format-List show them.
    open var propertyNames: [String] { [] }
    /// Whether formatting names this object, as an element of a collection, by its ToString
    /// (pwsh's PSObjectHelper.GetObjectName: when the .NET type overrides ToString itself, or
    /// the object travels in a PSObject wrapper, as cmdlet output with note properties does),
    /// else by a Name-like property (Regex's Group and Match inherit Capture's ToString).
    open var declaresToString: Bool { true }
    /// Properties shown by default (the default display property set), if the type has one.
    open var defaultDisplayProperties: [String]? { nil }

    /// Reads a property; nil when the object has no such property.
    open func property(_ name: String) -> Value? { nil }

    /// Writes a property; returns false when the property does not exist or is read-only.
    open func setProperty(_ name: String, _ value: Value) -> Bool { false }

    /// The text `"$obj"` and `.ToString()` give.
    open func toPSString() -> String { typeFullName }

    /// IComparable.CompareTo for `-lt`/`-gt`/Sort-Object; `other` has already been converted
    /// to this object's type. nil: not comparable.
    open func compare(to other: Value) -> Int? { nil }

    /// .NET Equals for value-like objects (Version, DateTime, Guid …); `other` has already
    /// been converted to this object's type. nil: reference equality.
    open func isEqual(to other: Value) -> Bool? { nil }

    /// .NET operator overloads (`op_Addition`, `op_Subtraction`, `op_Multiply`, `op_Division`,
    /// `op_Modulus`) with this object on the left; nil when the type does not define it.
    open func binaryOperator(_ name: String, _ other: Value) throws -> Value? { nil }

    /// IFormattable.ToString(format) for `-f` items such as `{0:yyyy-MM-dd}`; nil when the
    /// type has no format-aware text (the item then shows `toPSString()`).
    open func toString(format: String) -> String? { nil }
}

extension String {
    /// The case-folded key for case-insensitive tables: the string itself when it has no
    /// upper-case or non-ASCII characters (no allocation), else `lowercased()`.
    @inline(__always)
    public var foldedForLookup: String {
        for b in utf8 where (b >= 0x41 && b <= 0x5A) || b >= 0x80 {
            return lowercased()
        }
        return self
    }
}
