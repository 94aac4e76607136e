import Foundation
import PowerShellRuntime

/// New-Object, Add-Member and Get-Member: creating objects and working with their members.
enum ObjectCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("New-Object", NewObjectCommand.self),
        ("Add-Member", AddMemberCommand.self),
        ("Get-Member", GetMemberCommand.self),
    ]
}

/// `New-Object [-TypeName] <string> [[-ArgumentList] <Object[]>] [-Property <IDictionary>]`.
final class NewObjectCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let name = rt.bound.string("TypeName") ?? ""
        let args = rt.bound.list("ArgumentList") ?? []
        var object: Value
        switch name.lowercased() {
        case "psobject", "system.management.automation.psobject", "pscustomobject", "system.object", "object":
            object = .object(PSCustomObject())
        default:
            if let ambiguous = rt.hooks.ambiguousTypeMessage(name) {
                try rt.throwTerminating(rt.error("AmbiguousTypeReference",
                                                 "Cannot convert value \"\(name)\" to type \"System.Type\". Error: \"\(ambiguous)\"",
                                                 .InvalidType, target: .null, type: .psInvalidCastException))
            }
            guard let type = TypeResolver.resolve(name: name, hooks: rt.hooks) else {
                try rt.throwTerminating(rt.error("TypeNotFound",
                                                 "Cannot find type [\(name)]: verify that the assembly containing this type is loaded.",
                                                 .InvalidType, target: .null, type: .psArgumentException))
            }
            do {
                object = try Members.invokeStatic(type, "new", args, hooks: rt.hooks)
            } catch let e as RuntimeError {
                let record = rt.error("ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand", e.record.message,
                                      .InvalidOperation, type: .methodInvocationException)
                record.errorId = "ConstructorInvokedThrowException"
                try rt.throwTerminating(record)
            }
        }
        if let props = rt.bound["Property"]?.hashtable {
            for (k, v) in zip(props.keys, props.values) {
                let pname = rt.text(k)
                if case .object(let o) = object, let c = o as? PSCustomObject {
                    c.set(pname, v)
                    continue
                }
                do {
                    try Members.setProperty(object, pname, v, hooks: rt.hooks)
                } catch {
                    try rt.writeError(rt.error("InvalidOperationException",
                                               "The property '\(pname)' cannot be found on this object. Verify that the property exists and can be set.",
                                               .InvalidOperation, target: object, type: .invalidOperationException))
                }
            }
        }
        try rt.writeObject(object)
    }
}

/// `Add-Member [-MemberType] <type> [-Name] <string> [[-Value] …] [[-SecondValue] …]`,
/// `Add-Member [-NotePropertyName] <string> [-NotePropertyValue] <Object>`,
/// `Add-Member [-NotePropertyMembers] <IDictionary>`, `-TypeName`, `-Force`, `-PassThru`.
final class AddMemberCommand: Cmdlet {
    /// AddMember.cs's NotePropertyTransformation: a number given as -NotePropertyName is its text.
    static func notePropertyTransformation(_ v: Value) -> Value {
        switch v {
        case .int, .long, .double, .decimal, .sized: return .string(Conversion.toString(v))
        default: return v
        }
    }

    /// AddMember.cs's ValidateNotePropertyName: a name that converts to one of the member types
    /// that need a value of their own (NoteProperty, ScriptProperty, …) is refused, so
    /// `Add-Member NoteProperty Name Value` binds -MemberType instead.
    static func notePropertyNameRefusal(_ v: Value) -> String? {
        guard case .string = v, let member = DotNetEnums.value(of: v, in: DotNetEnums.psMemberTypes) else { return nil }
        // AliasProperty, CodeMethod, CodeProperty, MemberSet, NoteProperty, PropertySet,
        // ScriptMethod, ScriptProperty.
        let refused: Set<Int64> = [1, 128, 2, 1024, 8, 32, 256, 16]
        guard refused.contains(member) else { return nil }
        return "The parameter NotePropertyName cannot take values that could be converted to the type System.Management.Automation.PSMemberTypes. To define the name of a member with those values, use Add-Member, and specify the member type."
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let input = rt.bound[folded: "inputobject"] else { return }
        let b = rt.bound
        var members: [PSMember] = []
        if let name = b.string("NotePropertyName") {
            members.append(PSMember(name: name, kind: .noteProperty(b["NotePropertyValue"] ?? .null)))
        } else if let table = b["NotePropertyMembers"]?.hashtable {
            for (k, v) in zip(table.keys, table.values) { members.append(PSMember(name: rt.text(k), kind: .noteProperty(v))) }
        } else if let typeText = b["MemberType"].map({ rt.text($0) }), let name = b.string("Name") {
            guard let member = try memberFromValues(typeText, name, rt) else { return }
            members.append(member)
        }
        guard case .object(let o) = input else {
            // NOTE: pwsh wraps a value type in a PSObject to carry the member; teamsh's strings
            // and numbers cannot carry members, so they pass through unchanged.
            if b.isOn("PassThru") { try rt.writeObject(input) }
            return
        }
        for m in members {
            if exists(m.name, on: input, o) && !b.isOn("Force") {
                try rt.writeError(rt.error("MemberAlreadyExists",
                                           "Cannot add a member with the name \"\(m.name)\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.",
                                           .InvalidOperation, target: input, type: .invalidOperationException))
                continue
            }
            // AddMember.cs's AddMemberToTarget: -Force removes the old member, and the new one
            // is added after every other.
            if let c = o as? PSCustomObject, case .noteProperty(let v) = m.kind {
                o.instanceMembers?.remove(m.name)
                c.memberSlots[m.name.lowercased()] = nil
                c.remove(m.name)
                c.set(m.name, v)
                continue
            }
            if let c = o as? PSCustomObject {
                if c.has(m.name) { c.remove(m.name) }
                c.memberSlots[m.name.lowercased()] = c.count
                o.instanceMembers?.remove(m.name)
            }
            let table = o.instanceMembers ?? PSMemberTable()
            table.set(m)
            o.instanceMembers = table
        }
        if let t = b.string("TypeName") {
            o.extraTypeNames.removeAll { $0.caseInsensitiveCompare(t) == .orderedSame }
            o.extraTypeNames.insert(t, at: 0)
        }
        if b.isOn("PassThru") { try rt.writeObject(input) }
    }

    /// The member `-MemberType T -Name N -Value V -SecondValue S` describes, checked as
    /// AddMember.cs checks each type's values (terminating errors: Value2ShouldNotBeSpecified,
    /// Value1ShouldNotBeNull, Value1AndValue2AreNotBothNull, a value that does not convert to
    /// what the type needs, CannotAddMemberType for types no member can be added as).
    /// NOTE: CodeMethod, CodeProperty, MemberSet and PropertySet members (which need .NET
    /// MethodInfo objects or member sets) are refused with CannotAddMemberType once their values
    /// pass those checks, and an AliasProperty's type (SecondValue) is checked but not applied.
    private func memberFromValues(_ typeText: String, _ name: String, _ rt: CommandRuntime) throws -> PSMember? {
        let b = rt.bound
        let value1 = b["Value"] ?? .null, value2 = b["SecondValue"] ?? .null
        let hasValue2 = b.has("SecondValue")
        func fail(_ id: String, _ message: String) throws -> Never {
            try rt.throwTerminating(rt.error(id, message, .InvalidOperation, type: .invalidOperationException))
        }
        func value2NotSpecified() throws {
            if hasValue2 {
                try fail("Value2ShouldNotBeSpecified", "The SecondValue parameter is not necessary for a member of type \"\(typeText)\", and should not be specified. Do not specify the SecondValue parameter when you add members of this type.")
            }
        }
        func value1NotNull() throws {
            if value1.isNull {
                try fail("Value1ShouldNotBeNull", "The Value parameter should not be null for a member of type \"\(typeText)\". Specify a non-null value for the Value parameter when adding members of this type.")
            }
        }
        func notBothNull() throws {
            if value1.isNull && (value2.isNull || !hasValue2) {
                try fail("Value1AndValue2AreNotBothNull", "Both Value and SecondValue parameters should not be null for a member of type \"\(typeText)\". Specify a non-null value for one of the two parameters.")
            }
        }
        /// A value converted as LanguagePrimitives.ConvertTo would; its cast error ends the command.
        func converted(_ v: Value, _ type: PSType) throws -> Value {
            do {
                return try Conversion.convert(v, to: type, hooks: rt.hooks)
            } catch let e as RuntimeError {
                let record = rt.makeError(.psInvalidCastException, e.record.exception.message, errorId: e.record.errorId,
                                          category: .InvalidArgument, target: v)
                try rt.throwTerminating(record)
            }
        }
        func scriptBlock(_ v: Value) throws -> ScriptBlock? {
            guard !v.isNull, case .object(let o) = try converted(v, TypeResolver.scriptblock) else { return nil }
            return o as? ScriptBlock
        }
        let methodInfo = PSType(kind: .named, fullName: "System.Reflection.MethodInfo")
        switch typeText.lowercased() {
        case "noteproperty":
            try value2NotSpecified()
            return PSMember(name: name, kind: .noteProperty(value1))
        case "aliasproperty":
            try value1NotNull()
            if hasValue2 {
                if value2.isNull {
                    try fail("Value2ShouldNotBeNull", "The SecondValue parameter should not be null for a member of type \"\(typeText)\". Specify a non-null value for the SecondValue parameter when adding members of this type.")
                }
                _ = try converted(value2, TypeResolver.type)
            }
            return PSMember(name: name, kind: .aliasProperty(rt.text(value1)))
        case "scriptmethod":
            try value2NotSpecified()
            try value1NotNull()
            guard let sb = try scriptBlock(value1) else { return nil }
            return PSMember(name: name, kind: .scriptMethod(sb))
        case "scriptproperty":
            try notBothNull()
            return PSMember(name: name, kind: .scriptProperty(getter: try scriptBlock(value1), setter: hasValue2 ? try scriptBlock(value2) : nil))
        case "codemethod":
            try value1NotNull()
            try value2NotSpecified()
            _ = try converted(value1, methodInfo)
        case "codeproperty":
            try notBothNull()
            if !value1.isNull { _ = try converted(value1, methodInfo) }
            if hasValue2 && !value2.isNull { _ = try converted(value2, methodInfo) }
        case "memberset":
            try value2NotSpecified()
            if !value1.isNull {
                _ = try converted(value1, PSType(kind: .named, fullName: "System.Collections.ObjectModel.Collection`1[[System.Management.Automation.PSMemberInfo]]"))
            }
        case "propertyset":
            try value2NotSpecified()
            try value1NotNull()
        default:
            break
        }
        try fail("CannotAddMemberType", "Cannot add a member with type \"\(typeText)\". Specify a different type for the MemberTypes parameter.")
    }

    private func scriptBlock(_ v: Value?) -> ScriptBlock? {
        guard let v = v, case .object(let o) = v else { return nil }
        return o as? ScriptBlock
    }

    private func exists(_ name: String, on v: Value, _ o: PSObjectBase) -> Bool {
        if o.instanceMembers?.get(name) != nil { return true }
        return Members.propertyNames(v).contains { $0.caseInsensitiveCompare(name) == .orderedSame }
            || Members.methodNames(v).contains { $0.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// `Get-Member [[-Name] <string[]>] [-MemberType …] [-Static] [-Force]`: one MemberDefinition
/// (TypeName, Name, MemberType, Definition) per member of each distinct input type, sorted by
/// member type and name as pwsh lists them.
final class GetMemberCommand: Cmdlet {
    private var seenTypes = Set<String>()
    private var sawInput = false

    override func process(_ rt: CommandRuntime) throws {
        guard let input = rt.bound[folded: "inputobject"] else { return }
        if rt.currentInput == nil && !rt.bound.has("InputObject") { return }
        if input.isNull { return }
        sawInput = true
        let typeNames = Members.typeNames(input)
        let typeName = typeNames.first ?? "System.Object"
        guard seenTypes.insert(typeName.lowercased()).inserted else { return }
        let names = (rt.bound.strings("Name") ?? []).map { WildcardPattern($0) }
        let kinds = (rt.bound.strings("MemberType") ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        var defs: [(name: String, type: String, definition: String)] = []
        if rt.bound.isOn("Static") {
            defs = staticMembers(input)
        } else {
            defs = instanceMembers(input, rt)
        }
        defs = defs.filter { d in
            (names.isEmpty || names.contains { $0.matches(d.name) }) && (kinds.isEmpty || kinds.contains { GetMemberCommand.kindMatches($0, d.type) })
        }
        defs.sort { a, b in
            if a.type != b.type { return a.type < b.type }
            return a.name.lowercased() < b.name.lowercased()
        }
        for d in defs {
            let record = NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.MemberDefinition"], [
                ("TypeName", .string(typeName)), ("Name", .string(d.name)), ("MemberType", .string(d.type)), ("Definition", .string(d.definition)),
            ])
            try rt.writeObject(.object(record))
        }
    }

    static func kindMatches(_ filter: String, _ type: String) -> Bool {
        switch filter {
        case "all": return true
        case "properties": return type.hasSuffix("Property") && type != "ParameterizedProperty"
        case "methods": return type.hasSuffix("Method")
        default: return filter == type.lowercased()
        }
    }

    private func instanceMembers(_ v: Value, _ rt: CommandRuntime) -> [(String, String, String)] {
        var out: [(String, String, String)] = []
        var seen = Set<String>()
        if case .object(let o) = v, let table = o.instanceMembers {
            for m in table.members {
                seen.insert(m.name.lowercased())
                switch m.kind {
                case .noteProperty(let value): out.append((m.name, "NoteProperty", GetMemberCommand.noteDefinition(m.name, value, rt)))
                case .aliasProperty(let target): out.append((m.name, "AliasProperty", "\(m.name) = \(target)"))
                case .scriptProperty(let getter, let setter):
                    var def = "System.Object \(m.name) {get=\(getter?.text ?? "");"
                    if let s = setter { def += "set=\(s.text);" }
                    out.append((m.name, "ScriptProperty", def + "}"))
                case .scriptMethod: out.append((m.name, "ScriptMethod", "System.Object \(m.name)();"))
                }
            }
        }
        // A modelled .NET object (PSCustomObject.dotNetTypeName) shows settable .NET properties.
        var modelled: PSCustomObject?
        if case .object(let o) = v, let c = o as? PSCustomObject { modelled = c }
        let isCustom = modelled != nil && modelled?.dotNetTypeName == nil
        for p in Members.propertyNames(v) where seen.insert(p.lowercased()).inserted {
            let value = ((try? rt.property(v, p)) ?? nil) ?? .null
            if isCustom {
                out.append((p, "NoteProperty", GetMemberCommand.noteDefinition(p, value, rt)))
            } else if let modelled {
                let type = modelled.declaredPropertyTypes[p.lowercased()] ?? GetMemberCommand.propertyTypeName(value)
                out.append((p, "Property", "\(type) \(p) {get;set;}"))
            } else {
                out.append((p, "Property", "\(GetMemberCommand.propertyTypeName(value)) \(p) {get;}"))
            }
        }
        for m in Members.methodNames(v) where seen.insert(m.lowercased()).inserted {
            out.append((m, "Method", GetMemberCommand.methodDefinition(m)))
        }
        return out
    }

    private func staticMembers(_ v: Value) -> [(String, String, String)] {
        [("Equals", "Method", "static bool Equals(System.Object objA, System.Object objB)"),
         ("ReferenceEquals", "Method", "static bool ReferenceEquals(System.Object objA, System.Object objB)")]
    }

    /// `int A=1`: a note property's definition (PSNoteProperty.ToString: the value's display
    /// type name, then its .NET ToString, `null` for none).
    static func noteDefinition(_ name: String, _ value: Value, _ rt: CommandRuntime) -> String {
        let shown: String
        switch value {
        case .null: shown = "null"
        case .object(let o) where o is PSArray || o is PSHashtable: shown = o.typeFullName
        case .object(let o as PSDotNetObject): shown = o.dotnetString
        default: shown = rt.text(value)
        }
        return "\(noteTypeName(value)) \(name)=\(shown)"
    }

    /// MshMemberInfo.GetDisplayTypeNameOfValue: a PSObject's first type name as it is (a
    /// PSCustomObject, or an object carrying members or type names of its own), else the
    /// type's accelerator or bare name (`int`, `hashtable`, `Object[]`, `List[int]`).
    static func noteTypeName(_ v: Value) -> String {
        if case .null = v { return "object" }
        let first = Members.typeNames(v).first ?? "System.Object"
        if case .object(let o) = v, o is PSCustomObject || !o.extraTypeNames.isEmpty || o.instanceMembers != nil { return first }
        return TypeDisplayName.of(first, dropNamespaces: true)
    }

    /// The type in a property's definition (`int Length {get;}`, `datetime Date {get;}`,
    /// `System.DayOfWeek DayOfWeek {get;}`): ToStringCodeMethods.Type of the value's type.
    static func propertyTypeName(_ v: Value) -> String {
        if case .null = v { return "System.Object" }
        return TypeDisplayName.of(Members.typeNames(v).first ?? "System.Object")
    }

    static func methodDefinition(_ name: String) -> String {
        switch name {
        case "Equals": return "bool Equals(System.Object obj)"
        case "GetHashCode": return "int GetHashCode()"
        case "GetType": return "type GetType()"
        case "ToString": return "string ToString()"
        default: return "\(name)()"
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        if !sawInput {
            try rt.writeError(rt.error("NoObjectInGetMember", "You must specify an object for the Get-Member cmdlet.", .CloseError,
                                       type: .invalidOperationException))
        }
    }
}
