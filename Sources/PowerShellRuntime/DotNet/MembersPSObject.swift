import Foundation

/// System.Management.Automation.PSMemberTypes (the values Get-Member and `.MemberType` show).
public enum PSMemberTypesEnum {
    public static let definition = PSEnumDefinition(
        name: "PSMemberTypes", fullName: "System.Management.Automation.PSMemberTypes",
        members: [("AliasProperty", 1), ("CodeProperty", 2), ("Property", 4), ("NoteProperty", 8), ("ScriptProperty", 16),
                  ("PropertySet", 32), ("Method", 64), ("CodeMethod", 128), ("ScriptMethod", 256), ("ParameterizedProperty", 512),
                  ("MemberSet", 1024), ("Event", 2048), ("Dynamic", 4096), ("InferredProperty", 8192)],
        isFlags: true)

    static func value(_ name: String) -> Value {
        .object(PSEnumValue(definition, definition.member(named: name)?.value ?? 4))
    }
}

/// `$x.PSObject`: the extended type system's view of a value.
public final class PSObjectView: PSDotNetObject {
    public let target: Value
    let hooks: RuntimeHooks

    public init(_ target: Value, hooks: RuntimeHooks) {
        self.target = target
        self.hooks = hooks
    }

    public override var typeFullName: String { "System.Management.Automation.PSObject" }
    public override var propertyNames: [String] { ["BaseObject", "Members", "Properties", "Methods", "ImmediateBaseObject", "TypeNames"] }
    public override var methodNames: [String] { ["Copy"] }
    public override func toPSString() -> String { Conversion.toString(target, hooks: hooks) }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "baseobject", "immediatebaseobject": return target
        case "properties": return .object(PSMemberCollection(propertyInfos(target)))
        case "methods": return .object(PSMemberCollection(Members.methodNames(target).map { PSMemberInfoObject(name: $0, memberType: "Method", owner: target, hooks: hooks) }))
        case "members":
            let props: [PSMemberInfoObject] = propertyInfos(target)
            let methods = Members.methodNames(target).map { PSMemberInfoObject(name: $0, memberType: "Method", owner: target, hooks: hooks) }
            return .object(PSMemberCollection(props + methods))
        case "typenames": return .object(PSTypeNamesList(target))
        default: return nil
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard name == "copy" else { return nil }
        if args.count != 0 { throw MemberFailure.noOverload }
        return .object(PSObjectView(PSObjectView.copy(target), hooks: hooks))
    }

    /// `PSObject.Copy()`: a new object with the same properties and instance members.
    static func copy(_ v: Value) -> Value {
        guard case .object(let o) = v else { return v }
        let made: PSObjectBase
        if let c = o as? PSCustomObject {
            made = PSCustomObject(c.pairs)
        } else if let h = o as? PSHashtable {
            made = h.copy()
        } else if let a = o as? PSArray {
            made = PSArray(a.items, kind: a.kind)
        } else {
            return v
        }
        made.extraTypeNames = o.extraTypeNames
        if let members = o.instanceMembers {
            let table = PSMemberTable()
            for m in members.members { table.set(m) }
            made.instanceMembers = table
        }
        return .object(made)
    }

    /// One PSPropertyInfo per property, with its member type.
    func propertyInfos(_ v: Value) -> [PSMemberInfoObject] {
        var out: [PSMemberInfoObject] = []
        var instanceKinds: [String: String] = [:]
        if case .object(let o) = v, let members = o.instanceMembers {
            for m in members.members {
                let kind: String
                switch m.kind {
                case .noteProperty: kind = "NoteProperty"
                case .scriptProperty: kind = "ScriptProperty"
                case .aliasProperty: kind = "AliasProperty"
                case .scriptMethod: continue
                }
                instanceKinds[m.name.lowercased()] = kind
                out.append(PSMemberInfoObject(name: m.name, memberType: kind, owner: v, hooks: hooks))
            }
        }
        if case .object(let o) = v, let c = o as? PSCustomObject, c.dotNetTypeName == nil {
            // A PSCustomObject's members are one list in the order they were added.
            return Members.propertyNames(v).map {
                PSMemberInfoObject(name: $0, memberType: instanceKinds[$0.lowercased()] ?? "NoteProperty", owner: v, hooks: hooks)
            }
        }
        for name in Members.propertyNames(v) where instanceKinds[name.lowercased()] == nil {
            out.append(PSMemberInfoObject(name: name, memberType: "Property", owner: v, hooks: hooks))
        }
        return out
    }
}

/// A PSPropertyInfo / PSMethodInfo: `Name`, `Value`, `TypeNameOfValue`, `MemberType`, …
public final class PSMemberInfoObject: PSDotNetObject {
    public let name: String
    public let memberType: String
    public let owner: Value
    let hooks: RuntimeHooks

    public init(name: String, memberType: String, owner: Value, hooks: RuntimeHooks) {
        self.name = name
        self.memberType = memberType
        self.owner = owner
        self.hooks = hooks
    }

    private var isMethod: Bool { memberType == "Method" || memberType == "ScriptMethod" }

    public override var typeFullName: String {
        switch memberType {
        case "NoteProperty": return "System.Management.Automation.PSNoteProperty"
        case "ScriptProperty": return "System.Management.Automation.PSScriptProperty"
        case "AliasProperty": return "System.Management.Automation.PSAliasProperty"
        case "Method": return "System.Management.Automation.PSMethod"
        case "ScriptMethod": return "System.Management.Automation.PSScriptMethod"
        default: return "System.Management.Automation.PSProperty"
        }
    }

    public override var typeHierarchy: [String] {
        [typeFullName, isMethod ? "System.Management.Automation.PSMethodInfo" : "System.Management.Automation.PSPropertyInfo",
         "System.Management.Automation.PSMemberInfo", "System.Object"]
    }

    public override var propertyNames: [String] {
        isMethod ? ["OverloadDefinitions", "MemberType", "Value", "TypeNameOfValue", "IsInstance", "Name"]
            : ["MemberType", "Value", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance"]
    }

    private var value: Value {
        if isMethod { return .null }
        return (try? Members.getProperty(owner, name, hooks: hooks)) ?? .null
    }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "membertype": return PSMemberTypesEnum.value(memberType)
        case "value": return value
        case "typenameofvalue":
            if isMethod { return .string("System.Management.Automation.PSMethod") }
            let v = value
            return .string(v.isNull ? "System.Object" : Members.typeFullName(v))
        case "issettable":
            // A modelled .NET object's properties (PSCustomObject.dotNetTypeName) can be set.
            if memberType == "Property", case .object(let o) = owner, (o as? PSCustomObject)?.dotNetTypeName != nil { return .bool(true) }
            return .bool(memberType == "NoteProperty" || memberType == "AliasProperty" || memberType == "ScriptProperty")
        case "isgettable": return .bool(true)
        case "isinstance": return .bool(memberType != "Property" && memberType != "Method")
        case "overloaddefinitions" where isMethod: return .object(PSArray([], kind: .genericList(elementType: "System.String")))
        default: return nil
        }
    }

    public override func setProperty(_ n: String, _ newValue: Value) -> Bool {
        guard n.lowercased() == "value", !isMethod else { return false }
        do {
            try Members.setProperty(owner, name, newValue, hooks: hooks)
            return true
        } catch {
            return false
        }
    }

    /// `int A=1`, as PSNoteProperty.ToString() shows a property.
    public override func toPSString() -> String {
        if isMethod { return name }
        let v = value
        let shown: String
        switch v {
        case .null: shown = "null"
        default: shown = Members.dotnetToString(v, hooks: hooks)
        }
        return "\(PSMemberInfoObject.displayTypeName(v)) \(name)=\(shown)"
    }

    /// The short type name pwsh shows for a value's type (`int`, `string`, `Object[]`).
    static func displayTypeName(_ v: Value) -> String {
        switch v {
        case .null: return "object"
        case .int: return "int"
        case .long: return "long"
        case .double: return "double"
        case .decimal: return "decimal"
        case .string: return "string"
        case .bool: return "bool"
        case .char: return "char"
        default: return Members.typeFullName(v)
        }
    }
}

/// A PSMemberInfoCollection: enumerable, indexable by name (`Properties['A']`), with `Match`.
public final class PSMemberCollection: PSDotNetObject {
    public let members: [PSMemberInfoObject]

    public init(_ members: [PSMemberInfoObject]) {
        self.members = members
    }

    public override var typeFullName: String { "System.Management.Automation.PSMemberInfoCollection`1[[System.Management.Automation.PSPropertyInfo]]" }
    public override var enumeratedItems: [Value]? { members.map { .object($0) } }
    public override var methodNames: [String] { ["Add", "Item", "Match", "Remove"] }

    public override func property(_ name: String) -> Value? {
        if name.lowercased() == "count" { return .int(Int32(clamping: members.count)) }
        return nil
    }

    public override func index(_ key: Value, hooks: RuntimeHooks) throws -> Value? {
        let name = Conversion.toString(key, hooks: hooks)
        return members.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map { .object($0) } ?? .null
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        if name == "item" {
            // The indexer as a method: the member of that exact name, or $null.
            guard args.count == 1 else { throw MemberFailure.noOverload }
            return try index(args[0], hooks: hooks)
        }
        guard name == "match" else { return nil }
        guard (1...2).contains(args.count) else { throw MemberFailure.noOverload }
        let pattern = Conversion.toString(args[0], hooks: hooks)
        return .object(PSArray(members.filter { SimpleWildcard.matches(pattern, $0.name) }.map { .object($0) }))
    }
}

/// `$x.PSObject.TypeNames` / `$x.pstypenames`: a live list over the object's type names;
/// Insert/Add/Remove/Clear change the object's extra type names.
public final class PSTypeNamesList: PSDotNetObject {
    public let target: Value

    public init(_ target: Value) {
        self.target = target
    }

    private var names: [String] { Members.typeNames(target) }

    public override var typeFullName: String { "System.Collections.ObjectModel.Collection`1[[System.String]]" }
    public override var enumeratedItems: [Value]? { names.map { .string($0) } }
    public override var methodNames: [String] { ["Add", "Clear", "Contains", "IndexOf", "Insert", "Remove", "RemoveAt"] }
    public override func toPSString() -> String { names.joined(separator: " ") }

    public override func property(_ name: String) -> Value? {
        name.lowercased() == "count" ? .int(Int32(clamping: names.count)) : nil
    }

    public override func index(_ key: Value, hooks: RuntimeHooks) throws -> Value? {
        guard case .int(let i) = key else { return .null }
        let all = names
        let j = i < 0 ? all.count + Int(i) : Int(i)
        return j >= 0 && j < all.count ? .string(all[j]) : .null
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        guard case .object(let o) = target else {
            switch name {
            case "contains": return .bool(names.contains(a.string(0)))
            case "indexof": return .int(Int32(names.firstIndex(of: a.string(0)) ?? -1))
            default: return name == "add" || name == "insert" || name == "clear" || name == "remove" ? .voidResult : nil
            }
        }
        switch name {
        case "insert":
            try a.expect(2)
            let i = try a.int(0, "index")
            guard i >= 0 && i <= o.extraTypeNames.count else { throw StringMembers.outOfRange("index") }
            o.extraTypeNames.insert(a.string(1), at: i)
            return .voidResult
        case "add":
            try a.expect(1)
            // NOTE: a name of the type hierarchy a script removed comes back in its place in
            // the hierarchy, not at the end of the list as in pwsh.
            if o.showTypeName(a.string(0)) { return .voidResult }
            o.extraTypeNames.append(a.string(0))
            return .voidResult
        case "remove":
            try a.expect(1)
            guard let i = o.extraTypeNames.firstIndex(of: a.string(0)) else { return .bool(o.hideTypeName(a.string(0))) }
            o.extraTypeNames.remove(at: i)
            return .bool(true)
        case "removeat":
            try a.expect(1)
            let i = try a.int(0, "index")
            guard i >= 0 && i < o.extraTypeNames.count else { throw StringMembers.outOfRange("index") }
            o.extraTypeNames.remove(at: i)
            return .voidResult
        case "clear":
            o.extraTypeNames = []
            return .voidResult
        case "contains":
            try a.expect(1)
            return .bool(names.contains(a.string(0)))
        case "indexof":
            try a.expect(1)
            return .int(Int32(names.firstIndex(of: a.string(0)) ?? -1))
        default:
            return nil
        }
    }
}

/// `*` and `?` matching, case-insensitive, for member name patterns (`Properties.Match('Na*')`).
enum SimpleWildcard {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased().unicodeScalars), t = Array(text.lowercased().unicodeScalars)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
