import Foundation
import PowerShellSyntax

/// A .NET type as the runtime knows it: what `[int]`, `[string[]]`, `[List[string]]`,
/// `[MyClass]` resolve to. Conversions, `-is`/`-as`, casts, parameter types and static member
/// access all work from this one description.
public final class PSType {
    public indirect enum Kind {
        case object
        case void
        case bool
        case int32
        case int64
        case double
        case decimal
        case string
        case char
        case sized(SizedNumber.Kind)
        /// `T[]`
        case array(PSType)
        /// `List[T]`
        case list(PSType)
        case arrayList
        case hashtable
        /// `[ordered]` / OrderedDictionary
        case ordered
        /// `[pscustomobject]`
        case pscustomobject
        /// `[psobject]`: wraps nothing; conversion to it keeps the value.
        case psobject
        case scriptblock
        /// `[switch]` (SwitchParameter)
        case switchParameter
        /// `[type]` (System.Type, a type object)
        case type
        case regex
        case version
        case semanticVersion
        case datetime
        case timespan
        case guid
        case stringBuilder
        case securestring
        case pscredential
        case errorRecord
        case exception(ExceptionType)
        case enumeration(PSEnumDefinition)
        case psClass(PSClassDefinition)
        /// A type we know by name only (attributes, rarely used types): usable as a literal,
        /// for `-is` against objects reporting that name, and for static members we model.
        case named
    }

    public let kind: Kind
    /// `System.Int32`, `System.Collections.Generic.List`1[[System.String]]`, `MyClass`.
    public let fullName: String
    /// The number of dimensions of an array type (`string[,]` has 2); 1 for everything else.
    public let rank: Int

    /// The type arguments of a generic type known by name (`Dictionary[string,int]`).
    public var genericArguments: [PSType] = []

    public init(kind: Kind, fullName: String, rank: Int = 1) {
        self.kind = kind
        self.fullName = fullName
        self.rank = rank
    }

    /// The short name (`Int32`, `String[]`, `String[,]`, ``List`1``), as `GetType().Name` shows it.
    public var name: String {
        if case .list = kind { return "List`1" }
        if case .array(let element) = kind { return element.name + "[" + String(repeating: ",", count: rank - 1) + "]" }
        if let tick = fullName.firstIndex(of: "`"), let open = fullName[tick...].firstIndex(of: "[") {
            // A generic type (`Dictionary`2`): the name before the type arguments.
            let base = fullName[..<open]
            if let dot = base.lastIndex(of: ".") { return String(base[base.index(after: dot)...]) }
            return String(base)
        }
        if let dot = fullName.lastIndex(of: ".") { return String(fullName[fullName.index(after: dot)...]) }
        return fullName
    }
}

/// An `enum` a script defined (or a built-in .NET enum the runtime models, such as
/// `System.DayOfWeek` or `System.Management.Automation.ActionPreference`).
public final class PSEnumDefinition {
    public let name: String
    public let fullName: String
    /// Members in declaration order.
    public var members: [(name: String, value: Int64)]
    public var isFlags: Bool
    /// The integral type the values are stored as (`enum E : byte`); Int32 unless declared.
    public var underlyingType: PSType = TypeResolver.int32

    public init(name: String, fullName: String? = nil, members: [(name: String, value: Int64)], isFlags: Bool = false) {
        self.name = name
        self.fullName = fullName ?? name
        self.members = members
        self.isFlags = isFlags
    }

    public func member(named n: String) -> (name: String, value: Int64)? {
        members.first { $0.name.caseInsensitiveCompare(n) == .orderedSame }
    }

    /// The name for a value (`Monday`), or the flags list (`Read, Write`), or the number.
    public func text(for value: Int64) -> String {
        if let m = members.first(where: { $0.value == value }) { return m.name }
        if isFlags && value != 0 {
            var rest = value
            var names: [String] = []
            for m in members.reversed() where m.value != 0 && (rest & m.value) == m.value {
                names.insert(m.name, at: 0)
                rest &= ~m.value
            }
            if rest == 0 { return names.joined(separator: ", ") }
        }
        return String(value)
    }
}

/// A value of an enum type: `[DayOfWeek]::Monday`, `[MyEnum]'B'`.
public final class PSEnumValue: PSNativeObject {
    public let definition: PSEnumDefinition
    public let value: Int64

    public init(_ definition: PSEnumDefinition, _ value: Int64) {
        self.definition = definition
        self.value = value
    }

    public override var typeFullName: String { definition.fullName }
    public override var typeHierarchy: [String] { [definition.fullName, "System.Enum", "System.ValueType", "System.Object"] }
    public override func toPSString() -> String { definition.text(for: value) }
}

/// A `class` a script defined. The interpreter fills in members as it runs the definition.
public final class PSClassDefinition {
    public let name: String
    public var baseClass: PSClassDefinition?
    /// Base .NET type name when the class derives from one we only know by name.
    public var baseTypeName: String?
    public let ast: TypeDefinitionAst
    /// Instance properties in declaration order (base class ones first once resolved).
    public var instanceProperties: [PropertyMemberAst] = []
    public var staticProperties: [PropertyMemberAst] = []
    /// Methods by lower-cased name; each may have overloads.
    public var methods: [String: [FunctionMemberAst]] = [:]
    public var staticMethods: [String: [FunctionMemberAst]] = [:]
    public var constructors: [FunctionMemberAst] = []
    /// Values of static properties, by lower-cased name.
    public var staticValues: [String: Value] = [:]
    /// Declared types of typed properties (instance and static), by lower-cased name.
    public var propertyTypes: [String: PSType] = [:]
    /// True for a class a module defined (its methods run from the global scope).
    public var definedInModule = false
    /// The script module that defined the class: its methods run in its session state.
    public weak var module: PSModuleInfo?
    /// `static ClassName() { }`: the static constructor, and whether it has run.
    public var typeInitializer: FunctionMemberAst?
    public var typeInitialized = false

    public init(name: String, ast: TypeDefinitionAst) {
        self.name = name
        self.ast = ast
    }

    /// A property's name as the class declares it (`N` for `$o.n`), or nil.
    public func declaredPropertyName(_ name: String) -> String? {
        let key = name.lowercased()
        var d: PSClassDefinition? = self
        while let c = d {
            if let p = (c.instanceProperties + c.staticProperties).first(where: { $0.name.lowercased() == key }) { return p.name }
            d = c.baseClass
        }
        return nil
    }

    /// The declared type of a property of this class or a base class.
    public func propertyType(_ name: String) -> PSType? {
        let key = name.lowercased()
        var d: PSClassDefinition? = self
        while let c = d {
            if let t = c.propertyTypes[key] { return t }
            d = c.baseClass
        }
        return nil
    }

    /// True when `other` is this class or one of its bases.
    public func derives(from other: PSClassDefinition) -> Bool {
        var d: PSClassDefinition? = self
        while let c = d {
            if c === other { return true }
            d = c.baseClass
        }
        return false
    }

    /// This class then its bases, most specific first.
    public var hierarchyNames: [String] {
        var names = [name]
        var b = baseClass
        while let c = b {
            names.append(c.name)
            b = c.baseClass
        }
        if let t = baseTypeName { names.append(t) }
        return names + ["System.Object"]
    }
}

/// An instance of a script-defined class: property values in declaration order.
public final class PSClassInstance: PSObjectBase {
    public let definition: PSClassDefinition
    public let properties: PSCustomObject

    public init(definition: PSClassDefinition) {
        self.definition = definition
        self.properties = PSCustomObject()
    }

    public override var typeFullName: String { definition.name }
    public override var typeHierarchy: [String] { definition.hierarchyNames }

    /// Sets a property, converting to its declared type as every assignment to a typed
    /// property does (`$this.A = '42'` stores 42 in an `[int]` property).
    /// Sets a property, converting to its declared type. A class property is a .NET property to
    /// pwsh, so a value that does not convert fails as its setter would: SetValueInvocationException
    /// `Exception setting "N": "Cannot convert value …"` (PSSetMemberBinder at v7.6.5).
    public func setProperty(_ name: String, _ value: Value, hooks: RuntimeHooks) throws {
        var v = value
        if let t = definition.propertyType(name) {
            do {
                v = try Conversion.convert(value, to: t, hooks: hooks)
            } catch let e as RuntimeError {
                throw MemberErrors.setValueInvocation(definition.declaredPropertyName(name) ?? name, e.record.exception)
            }
        }
        properties.set(name, v)
    }
}

/// A type object: what `[int]` evaluates to (System.RuntimeType).
public final class PSTypeObject: PSNativeObject {
    public let type: PSType

    public init(_ type: PSType) {
        self.type = type
    }

    public override var typeFullName: String { "System.RuntimeType" }
    public override var typeHierarchy: [String] { ["System.RuntimeType", "System.Reflection.TypeInfo", "System.Type", "System.Reflection.MemberInfo", "System.Object"] }
    public override func toPSString() -> String { type.fullName }

    /// One .NET type is one Type object: `(1).GetType() -eq [int]`, however each was reached.
    public override func isEqual(to other: Value) -> Bool? {
        guard case .object(let o) = other, let t = o as? PSTypeObject else { return false }
        return t.type.fullName == type.fullName
    }
}
