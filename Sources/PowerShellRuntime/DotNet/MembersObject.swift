import Foundation

/// Members shared by every value (GetType, ToString, Equals, GetHashCode) and those of the
/// runtime's own objects declared in the contract files (ErrorRecord, exceptions, type
/// objects, enum values, script blocks, class instances).
enum ObjectMembers {
    /// GetType/ToString/Equals/GetHashCode; nil for any other name.
    static func invokeCommon(_ target: Value, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "gettype":
            try a.expect(0)
            return .object(PSTypeObject(Conversion.typeOf(target)))
        case "tostring":
            if case .object(let o) = target, o is PSArray || o is PSHashtable || o is PSCustomObject {
                try a.expect(0)
            }
            return .string(Members.dotnetToString(target, hooks: a.hooks))
        case "equals":
            try a.expect(1)
            return .bool(CollectionMembers.dotnetEquals(target, a[0]))
        case "gethashcode":
            try a.expect(0)
            // An object's identity hash, non-negative as .NET's RuntimeHelpers.GetHashCode is.
            if case .object(let o) = target { return .int(Int32(truncatingIfNeeded: ObjectIdentifier(o).hashValue) & Int32.max) }
            return .int(NumberMembers.hashCode(target))
        default:
            return nil
        }
    }

    static func classHasMethod(_ d: PSClassDefinition, _ lname: String) -> Bool {
        var c: PSClassDefinition? = d
        while let def = c {
            if def.methods[lname] != nil { return true }
            c = def.baseClass
        }
        return false
    }

    static func classHasStaticMethod(_ d: PSClassDefinition, _ lname: String) -> Bool {
        var c: PSClassDefinition? = d
        while let def = c {
            if def.staticMethods[lname] != nil { return true }
            c = def.baseClass
        }
        return false
    }

    // MARK: - Script blocks

    static let scriptBlockPropertyNames = ["Attributes", "File", "IsFilter", "IsConfiguration", "Module", "StartPosition", "DebuggerHidden", "Id", "Ast"]

    static func scriptBlockProperty(_ sb: ScriptBlock, _ name: String) -> Value? {
        switch name {
        case "isfilter": return .bool(sb.isFilter)
        case "isconfiguration", "debuggerhidden": return .bool(false)
        case "file": return sb.ast.extent.file.map { .string($0) } ?? .null
        case "ast":
            if let f = sb.definition { return .object(PSAstObject(f.extent, functionName: f.name)) }
            return .object(PSAstObject(sb.ast.extent))
        case "module", "startposition", "attributes", "id": return .null
        default: return nil
        }
    }

    // MARK: - Contract objects without their own property(_:)

    static func builtinObjectPropertyNames(_ n: PSNativeObject) -> [String] {
        if n is PSTypeObject {
            return ["Name", "FullName", "Namespace", "BaseType", "IsPublic", "IsSerializable", "IsArray", "IsEnum", "IsValueType", "IsClass",
                    "IsGenericType", "IsAbstract", "IsSealed", "IsInterface"]
        }
        if n is PSEnumValue { return ["value__"] }
        return []
    }

    /// Properties of ErrorRecord, type objects and enum values.
    static func builtinObjectProperty(_ n: PSNativeObject, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        if let r = n as? ErrorRecord { return errorRecordProperty(r, name) }
        if let t = n as? PSTypeObject { return typeProperty(t.type, name) }
        if let e = n as? PSEnumValue, name == "value__" { return .int(Int32(truncatingIfNeeded: e.value)) }
        return nil
    }

    private static func errorRecordProperty(_ r: ErrorRecord, _ name: String) -> Value? {
        switch name {
        case "exception": return .object(r.exception)
        case "targetobject": return r.targetObject
        case "categoryinfo": return .object(PSErrorCategoryInfo(r.categoryInfo))
        case "fullyqualifiederrorid": return .string(r.fullyQualifiedErrorId)
        case "errordetails": return r.errorDetailsMessage.map { .object(PSErrorDetails($0)) } ?? .null
        case "invocationinfo": return r.invocationInfo.map { .object($0) } ?? .null
        case "scriptstacktrace": return .string(r.scriptStackTrace)
        case "pipelineiterationinfo": return .object(PSArray([], kind: .genericList(elementType: "System.Int32")))
        default: return nil
        }
    }

    /// System.Type's properties as scripts use them.
    static func typeProperty(_ t: PSType, _ name: String) -> Value? {
        switch name {
        case "name": return .string(t.name)
        case "fullname": return .string(t.fullName)
        case "namespace":
            guard let dot = t.fullName.range(of: ".", options: .backwards), t.fullName.firstIndex(of: "`") == nil || true else { return .null }
            let head = String(t.fullName[..<dot.lowerBound])
            return head.contains("[") ? .null : .string(head)
        case "basetype":
            guard let b = baseTypeName(t) else { return .null }
            return .object(PSTypeObject(PSType(kind: b == "System.Object" ? .object : .named, fullName: b)))
        case "isarray":
            if case .array = t.kind { return .bool(true) }
            return .bool(false)
        case "isenum":
            if case .enumeration = t.kind { return .bool(true) }
            return .bool(false)
        case "isvaluetype": return .bool(isValueType(t))
        case "isclass": return .bool(!isValueType(t))
        case "isgenerictype":
            if case .list = t.kind { return .bool(true) }
            return .bool(false)
        case "underlyingsystemtype": return .object(PSTypeObject(t))
        case "ispublic": return .bool(isPublic(t))
        case "isserializable": return .bool(isSerializable(t))
        case "isabstract", "isinterface": return .bool(false)
        case "issealed": return .bool(isValueType(t) || isSealed(t))
        case "assemblyqualifiedname": return .string(t.fullName)
        default: return nil
        }
    }

    /// `Type.IsPublic`: every type a script can name is public, except the runtime's own
    /// `System.RuntimeType` (what `[int].GetType()` is).
    private static func isPublic(_ t: PSType) -> Bool {
        if case .type = t.kind { return t.fullName != "System.RuntimeType" }
        return true
    }

    /// `Type.IsSerializable` in .NET (Core): types marked `[Serializable]` (primitives, string,
    /// arrays, the collections, DateTime, TimeSpan, Guid, Version, exceptions, ErrorRecord,
    /// PSObject, ScriptBlock) and every enum; not script classes, RuntimeType, Regex,
    /// StringBuilder's siblings that dropped the attribute, or types known by name only.
    private static func isSerializable(_ t: PSType) -> Bool {
        switch t.kind {
        case .object, .bool, .int32, .int64, .double, .decimal, .string, .char, .sized, .array, .list, .arrayList, .hashtable,
             .ordered, .psobject, .pscustomobject, .scriptblock, .version, .datetime, .timespan, .guid, .stringBuilder, .errorRecord,
             .exception, .enumeration:
            return true
        case .type: return t.fullName != "System.RuntimeType"
        default: return false
        }
    }

    /// Sealed reference types among those modelled (string, the accelerators' sealed classes).
    private static func isSealed(_ t: PSType) -> Bool {
        switch t.kind {
        case .string, .array, .version, .stringBuilder, .scriptblock, .pscustomobject, .switchParameter: return true
        default: return false
        }
    }

    private static func isValueType(_ t: PSType) -> Bool {
        switch t.kind {
        case .bool, .int32, .int64, .double, .decimal, .char, .sized, .datetime, .timespan, .guid, .enumeration, .switchParameter: return true
        default: return false
        }
    }

    private static func baseTypeName(_ t: PSType) -> String? {
        switch t.kind {
        case .object: return nil
        case .bool, .int32, .int64, .double, .decimal, .char, .sized, .datetime, .timespan, .guid, .switchParameter: return "System.ValueType"
        case .enumeration: return "System.Enum"
        case .array: return "System.Array"
        case .exception(let e): return e.chain.dropFirst().first ?? "System.Object"
        case .psClass(let d): return d.baseClass?.name ?? d.baseTypeName ?? "System.Object"
        case .type: return "System.Reflection.TypeInfo"
        default: return "System.Object"
        }
    }

    static func builtinObjectMethodNames(_ o: PSObjectBase) -> [String] {
        if o is ScriptBlock { return ["CheckRestrictedLanguage", "GetNewClosure", "GetPowerShell", "GetSteppablePipeline", "Invoke", "InvokeReturnAsIs", "InvokeWithContext"] }
        if o is PSExceptionObject { return ["GetBaseException", "GetObjectData"] }
        if o is PSTypeObject { return ["GetElementType", "IsAssignableFrom", "IsInstanceOfType", "IsSubclassOf", "GetEnumNames", "GetEnumValues"] }
        if o is PSEnumValue { return ["CompareTo", "HasFlag"] }
        return []
    }

    /// Methods of script blocks, exceptions, type objects and enum values.
    static func invokeBuiltinObject(_ o: PSObjectBase, _ name: String, _ a: MethodArgs) throws -> Value? {
        if let sb = o as? ScriptBlock {
            switch name {
            case "invoke", "invokereturnasis":
                let out = try a.hooks.invokeScriptBlock(sb, .null, a.values)
                if name == "invoke" { return .object(PSArray(out, kind: .genericList(elementType: "System.Management.Automation.PSObject"))) }
                return out.count == 1 ? out[0] : (out.isEmpty ? .null : .object(PSArray(out)))
            default: return nil
            }
        }
        if let e = o as? PSExceptionObject {
            switch name {
            case "getbaseexception":
                var inner = e
                while let next = inner.innerException { inner = next }
                return .object(inner)
            case "tostring": return .string(e.toPSString())
            default: return nil
            }
        }
        if let t = o as? PSTypeObject {
            switch name {
            case "getenumnames", "getenumvalues":
                guard case .enumeration(let d) = t.type.kind else { return nil }
                let sorted = d.members.sorted { $0.value < $1.value }
                if name == "getenumnames" { return StringMembers.stringArray(sorted.map { .string($0.name) }) }
                return .object(PSArray(sorted.map { .object(PSEnumValue(d, $0.value)) }, kind: .array(elementType: d.fullName)))
            case "getenumname":
                // Type.GetEnumName(value): the name of a member with that value, $null if none.
                guard case .enumeration(let d) = t.type.kind else { return nil }
                try a.expect(1)
                let value: Int64
                if case .object(let o) = a[0], let e = o as? PSEnumValue { value = e.value } else { value = try Conversion.toInt64(a[0]) }
                let sorted = d.members.enumerated().sorted { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }
                return sorted.first { $0.element.value == value }.map { .string($0.element.name) } ?? .null
            case "getelementtype":
                if case .array(let e) = t.type.kind { return .object(PSTypeObject(e)) }
                return .null
            case "getenumunderlyingtype":
                guard case .enumeration(let d) = t.type.kind else {
                    throw MemberFailure.dotnet(.argumentException, "Type provided must be an Enum. (Parameter 'enumType')")
                }
                return .object(PSTypeObject(d.underlyingType))
            case "getgenericarguments":
                // Type.GetGenericArguments(): the type arguments of a constructed generic type.
                try a.expect(0)
                var arguments = t.type.genericArguments
                if arguments.isEmpty, case .list(let e) = t.type.kind { arguments = [e] }
                return .object(PSArray(arguments.map { .object(PSTypeObject($0)) }, kind: .array(elementType: "System.Type")))
            case "isinstanceoftype":
                try a.expect(1)
                return .bool(Conversion.isInstance(a[0], of: t.type))
            default: return nil
            }
        }
        if let e = o as? PSEnumValue {
            switch name {
            case "hasflag":
                try a.expect(1)
                guard let f = DotNetEnums.value(of: a[0], in: e.definition) else { throw MemberFailure.noOverload }
                return .bool(e.value & f == f)
            case "compareto":
                try a.expect(1)
                guard let f = DotNetEnums.value(of: a[0], in: e.definition) else { throw MemberFailure.noOverload }
                return .int(e.value < f ? -1 : (e.value > f ? 1 : 0))
            case "tostring":
                return .string(e.toPSString())
            default: return nil
            }
        }
        return nil
    }
}

/// `$_.CategoryInfo`.
public final class PSErrorCategoryInfo: PSDotNetObject {
    public let info: ErrorCategoryInfo

    public init(_ info: ErrorCategoryInfo) {
        self.info = info
    }

    public override var typeFullName: String { "System.Management.Automation.ErrorCategoryInfo" }
    public override var propertyNames: [String] { ["Category", "Activity", "Reason", "TargetName", "TargetType"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "category": return .object(PSEnumValue(DotNetEnums.definition(TypeResolver.errorCategory), Int64(info.category.rawValue)))
        case "activity": return .string(info.activity)
        case "reason": return .string(info.reason)
        case "targetname": return .string(info.targetName)
        case "targettype": return .string(info.targetType)
        default: return nil
        }
    }

    public override func toPSString() -> String { info.text }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        name == "getmessage" ? .string(info.text) : nil
    }
}

/// `$_.ErrorDetails`.
public final class PSErrorDetails: PSDotNetObject {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public override var typeFullName: String { "System.Management.Automation.ErrorDetails" }
    public override var propertyNames: [String] { ["Message", "RecommendedAction"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "message": return .string(message)
        case "recommendedaction": return .string("")
        default: return nil
        }
    }

    public override func toPSString() -> String { message }
}
