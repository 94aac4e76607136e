import Foundation

/// A native .NET object the runtime models that also has methods (DateTime, StringBuilder,
/// Regex, …). Subclasses switch on the lower-cased method name.
open class PSDotNetObject: PSNativeObject {
    /// Runs a method; `name` is already lower-cased. Returns nil when there is no such method.
    /// Throws `MemberFailure` for .NET exceptions and overload mismatches (the dispatcher wraps them).
    open func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? { nil }

    /// Method names in the order Get-Member shows them (without the common Object methods).
    open var methodNames: [String] { [] }

    /// The text `.ToString()` gives when it differs from `"$obj"` (culture formatting, e.g. DateTime).
    open var dotnetString: String { toPSString() }

    /// The items when the object is an enumerable collection (MatchCollection, GroupCollection, …).
    open var enumeratedItems: [Value]? { nil }

    /// `$obj[key]`: the parameterized `Item` property; nil when the object has no indexer.
    open func index(_ key: Value, hooks: RuntimeHooks) throws -> Value? { nil }
}

/// What a void .NET method gives back: nothing at all (pwsh's AutomationNull). Method
/// implementations return `Value.voidResult`; the interpreter turns it into $null wherever the
/// call's value is used, and writes nothing when the call itself is output (`$list.Clear()` as
/// a statement, inside `@( )`), so a void call never puts $null in the pipeline.
public final class VoidResult: PSObjectBase {
    public static let shared = VoidResult()
    public override var typeFullName: String { "System.Management.Automation.Internal.AutomationNull" }
}

extension Value {
    /// The result of a void method (see VoidResult).
    public static let voidResult: Value = .object(VoidResult.shared)

    /// True for a void method's result.
    @inline(__always)
    public var isVoidResult: Bool {
        if case .object(let o) = self { return o === VoidResult.shared }
        return false
    }
}

/// The .NET surface of values: properties, methods and static members, as pwsh's adapters
/// expose them. Names are case-insensitive; each lookup folds the name once and switches on it.
public enum Members {
    // MARK: - Properties

    /// Reads `target.name`; nil when there is no such property (the interpreter then yields
    /// $null, or raises PropertyNotFoundStrict in strict mode). `.Count`/`.Length` on a scalar
    /// give 1 and on $null 0 unless `strict` (pwsh's strict mode 2+ makes those an error).
    public static func getProperty(_ target: Value, _ name: String, hooks: RuntimeHooks, strict: Bool = false) throws -> Value? {
        if let v = try adaptedProperty(target, name, hooks: hooks) { return v }
        if let a = target.array { return try enumerateProperty(a, name, hooks: hooks) }
        if case .object(let o) = target, let items = (o as? PSDotNetObject)?.enumeratedItems {
            return try enumerateProperty(PSArray(items), name, hooks: hooks)
        }
        return strict ? nil : intrinsicCount(target, name)
    }

    /// The property of the object itself (no member enumeration, no intrinsic Count).
    static func adaptedProperty(_ target: Value, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        switch target {
        case .null:
            return nil
        case .string(let s):
            if name.utf8.count == 6 && name.lowercased() == "length" { return .int(Int32(clamping: s.utf16.count)) }
            return try commonProperty(target, name, hooks: hooks)
        case .object(let o):
            if let members = o.instanceMembers, let m = members.get(name) {
                return try memberValue(m, target, hooks: hooks)
            }
            if let c = o as? PSCustomObject {
                if let v = c.get(name) { return v }
            } else if let h = o as? PSHashtable {
                if let v = h.get(name) { return v }
                if let v = CollectionMembers.hashtableProperty(h, name.lowercased()) { return v }
            } else if let a = o as? PSArray {
                if let v = CollectionMembers.arrayProperty(a, name.lowercased()) { return v }
                return try commonProperty(target, name, hooks: hooks)
            } else if let ci = o as? PSClassInstance {
                if let v = ci.properties.get(name) { return v }
            } else if let n = o as? PSNativeObject {
                if let g = n as? PSRegexGroup, name.lowercased() == "groups" { return .object(RegexMembers.groups(g)) }
                if let v = n.property(name) { return v }
                if let v = try ObjectMembers.builtinObjectProperty(n, name.lowercased(), hooks: hooks) { return v }
            } else if let sb = o as? ScriptBlock {
                if let v = ObjectMembers.scriptBlockProperty(sb, name.lowercased()) { return v }
            }
            return try commonProperty(target, name, hooks: hooks)
        default:
            return try commonProperty(target, name, hooks: hooks)
        }
    }

    /// Members every value has: PSObject, PSTypeNames, PSBase.
    private static func commonProperty(_ target: Value, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        guard name.utf8.first.map({ $0 == 0x50 || $0 == 0x70 }) == true else { return nil } // 'P' / 'p'
        switch name.lowercased() {
        case "psobject": return .object(PSObjectView(target, hooks: hooks))
        case "pstypenames": return .object(PSTypeNamesList(target))
        case "psbase", "psadapted":
            // A hashtable's keys shadow its own properties; its base view shows those instead
            // (about_Member-Access_Enumeration: `$hashtable.psbase.Keys`).
            if case .object(let o) = target, let h = o as? PSHashtable { return .object(HashtableBaseView(h)) }
            return target
        default: return nil
        }
    }

    /// `.Count` / `.Length` on anything without them: 0 for $null, 1 otherwise.
    private static func intrinsicCount(_ target: Value, _ name: String) -> Value? {
        let n = name.utf8.count
        guard n == 5 || n == 6 else { return nil }
        let l = name.lowercased()
        guard l == "count" || l == "length" else { return nil }
        return .int(target.isNull ? 0 : 1)
    }

    /// The value of an extended-type-system member.
    static func memberValue(_ m: PSMember, _ target: Value, hooks: RuntimeHooks) throws -> Value {
        switch m.kind {
        case .noteProperty(let v): return v
        case .scriptProperty(let getter, _):
            guard let g = getter else { return .null }
            return try hooks.invokeWithThis(g, target, [])
        case .scriptMethod(let block): return .object(block)
        case .aliasProperty(let other):
            if other.caseInsensitiveCompare(m.name) == .orderedSame { return .null }
            return try getProperty(target, other, hooks: hooks) ?? .null
        }
    }

    /// Member enumeration: `$array.Name` collects Name from each element, flattening
    /// collections, recursing into elements that are collections without the property.
    private static func enumerateProperty(_ a: PSArray, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        var results: [Value?] = []
        var found = false
        try collectProperty(a.items, name, hooks: hooks, into: &results, found: &found, depth: 0)
        // about_Member-Access_Enumeration: once any item has the property, each PSCustomObject
        // without it gives $null in its place; otherwise those places are dropped.
        let values = found ? results.map { $0 ?? .null } : results.compactMap { $0 }
        if values.count == 1 { return values[0] }
        if values.isEmpty { return nil }
        return .object(PSArray(values))
    }

    /// Collects the property of each item (nil marks a PSCustomObject without it).
    private static func collectProperty(_ items: [Value], _ name: String, hooks: RuntimeHooks, into results: inout [Value?],
                                        found: inout Bool, depth: Int) throws {
        for item in items {
            if let v = try adaptedProperty(item, name, hooks: hooks) {
                found = true
                if let inner = v.array { results.append(contentsOf: inner.items.map { Optional($0) }) } else { results.append(v) }
            } else if let inner = item.array, depth < 64 {
                try collectProperty(inner.items, name, hooks: hooks, into: &results, found: &found, depth: depth + 1)
            } else if item.reference != nil || !item.isNull {
                if let v = intrinsicCount(item, name) {
                    results.append(v)
                } else if case .object(let o) = item, o is PSCustomObject {
                    results.append(nil)
                }
            }
        }
    }

    /// Assigns `target.name = value`.
    public static func setProperty(_ target: Value, _ name: String, _ value: Value, hooks: RuntimeHooks) throws {
        guard case .object(let o) = target else {
            if target.isNull { throw MemberErrors.propertyNotFoundForSet(name, targetIsNull: true) }
            if case .string = target, name.lowercased() == "length" { throw MemberErrors.readOnlyProperty("Length") }
            throw MemberErrors.propertyNotFoundForSet(name)
        }
        if let members = o.instanceMembers, let m = members.get(name) {
            switch m.kind {
            case .noteProperty:
                members.set(PSMember(name: m.name, kind: .noteProperty(value)))
                return
            case .scriptProperty(_, let setter):
                guard let s = setter else { throw MemberErrors.readOnlyProperty(m.name) }
                _ = try hooks.invokeWithThis(s, target, [value])
                return
            case .aliasProperty(let other):
                try setProperty(target, other, value, hooks: hooks)
                return
            case .scriptMethod:
                throw MemberErrors.propertyNotFoundForSet(name)
            }
        }
        if let c = o as? PSCustomObject {
            guard c.has(name) else { throw MemberErrors.propertyNotFoundForSet(name) }
            c.set(name, value)
        } else if let h = o as? PSHashtable {
            // NOTE: pwsh lets `$h.key = v` add a key, like `$h['key'] = v`.
            h.set(.string(name), value)
        } else if let ci = o as? PSClassInstance {
            guard ci.properties.has(name) else { throw MemberErrors.propertyNotFoundForSet(name) }
            try ci.setProperty(name, value, hooks: hooks)
        } else if let n = o as? PSNativeObject {
            if let typed = n as? TypedPropertySetter, try typed.setTypedProperty(name, value, hooks: hooks) { return }
            if n.setProperty(name, value) { return }
            if n.property(name) != nil || (try? ObjectMembers.builtinObjectProperty(n, name.lowercased(), hooks: hooks)) != nil {
                throw MemberErrors.readOnlyProperty(canonicalPropertyName(target, name))
            }
            throw MemberErrors.propertyNotFoundForSet(name)
        } else if let a = o as? PSArray {
            if CollectionMembers.arrayProperty(a, name.lowercased()) != nil {
                if name.lowercased() == "capacity" { return }
                throw MemberErrors.readOnlyProperty(canonicalPropertyName(target, name))
            }
            // Member enumeration also assigns: `$objects.Name = 'x'` sets Name on each element.
            if a.items.isEmpty { throw MemberErrors.propertyNotFoundForSet(name) }
            for item in a.items { try setProperty(item, name, value, hooks: hooks) }
        } else {
            throw MemberErrors.propertyNotFoundForSet(name)
        }
    }

    private static func canonicalPropertyName(_ v: Value, _ name: String) -> String {
        propertyNames(v).first { $0.caseInsensitiveCompare(name) == .orderedSame } ?? name
    }

    // MARK: - Methods

    /// Calls `target.name(args)`, applying member enumeration to collections that lack the method.
    public static func invokeMethod(_ target: Value, _ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        let lname = name.lowercased()
        if case .null = target { throw MemberErrors.invokeMethodOnNull() }
        if lname == "where" || lname == "foreach" {
            return try Intrinsics.invoke(target, lname, args, hooks: hooks)
        }
        if case .object(let o) = target, let members = o.instanceMembers, let m = members.get(name) {
            switch m.kind {
            case .scriptMethod(let block): return try hooks.invokeWithThis(block, target, args)
            default: throw MemberErrors.methodNotFound(typeFullName(target), name)
            }
        }
        let result: Value?
        do {
            result = try invokeAdapted(target, lname, args, hooks: hooks)
        } catch {
            throw MemberErrors.wrap(error, method: canonicalMethodName(target, name), argCount: args.count, hooks: hooks)
        }
        if let r = result { return r }
        if lname == "get_item" || lname == "set_item" { return try parameterizedItem(target, lname, args, hooks: hooks) }
        if let v = try accessorMethod(target, name, args, hooks: hooks) { return v }
        if let a = target.array { return try enumerateMethod(a, name, args, hooks: hooks) }
        if case .object(let o) = target, let items = (o as? PSDotNetObject)?.enumeratedItems {
            return try enumerateMethod(PSArray(items), name, args, hooks: hooks)
        }
        throw MemberErrors.methodNotFound(typeFullName(target), name)
    }

    /// `get_Name()` and `set_Name(value)`: a .NET property's accessor methods, which pwsh lists
    /// as hidden methods of the type (`$h.get_Keys()`, `'abc'.get_Length()`). A property bag's
    /// notes (PSCustomObject, a hashtable's keys) have none. Nil when there is no such property.
    private static func accessorMethod(_ target: Value, _ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let lname = name.lowercased()
        guard lname.hasPrefix("get_") || lname.hasPrefix("set_"), name.count > 4 else { return nil }
        let property = String(name.dropFirst(4))
        if case .object(let o) = target, o is PSCustomObject { return nil }
        let current: Value?
        if case .object(let o) = target, let h = o as? PSHashtable {
            current = CollectionMembers.hashtableProperty(h, property.lowercased())
        } else {
            current = try adaptedProperty(target, property, hooks: hooks)
        }
        guard current != nil else { return nil }
        if lname.hasPrefix("get_") {
            guard args.isEmpty else { throw MemberErrors.wrap(MemberFailure.noOverload, method: name, argCount: args.count, hooks: hooks) }
            return current
        }
        guard args.count == 1 else { throw MemberErrors.wrap(MemberFailure.noOverload, method: name, argCount: args.count, hooks: hooks) }
        try setProperty(target, property, args[0], hooks: hooks)
        return .voidResult
    }

    /// The object's own method (no enumeration); nil when it has none by that name.
    static func invokeAdapted(_ target: Value, _ lname: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch target {
        case .string(let s):
            if let r = try StringMembers.invoke(s, lname, a) { return r }
        case .int, .long, .double, .decimal, .sized, .bool, .char:
            if let r = try NumberMembers.invoke(target, lname, a) { return r }
        case .object(let o):
            if let arr = o as? PSArray {
                if let r = try CollectionMembers.invokeArray(arr, lname, a) { return r }
            } else if let h = o as? PSHashtable {
                if let r = try CollectionMembers.invokeHashtable(h, lname, a) { return r }
            } else if let n = o as? PSDotNetObject {
                if let r = try n.invokeMethod(lname, args, hooks: hooks) { return r }
            } else if let re = o as? PSRegex {
                if let r = try RegexMembers.invoke(re, lname, a) { return r }
            } else if let g = o as? PSRegexGroup {
                if let r = try RegexMembers.invoke(g, lname, a) { return r }
            } else if let ci = o as? PSClassInstance {
                if ObjectMembers.classHasMethod(ci.definition, lname) {
                    return try hooks.invokeClassMethod(ci.definition, ci, lname, args)
                }
            } else if let r = try ObjectMembers.invokeBuiltinObject(o, lname, a) {
                return r
            }
        case .null:
            return nil
        }
        return try ObjectMembers.invokeCommon(target, lname, a)
    }

    /// `$obj[key]` (get_Item) on an object that is not an array or hashtable: a native indexer,
    /// else pwsh's scalar rule (index 0 or -1 is the object itself, others $null).
    private static func parameterizedItem(_ target: Value, _ lname: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        guard let key = args.first else { throw MemberErrors.noOverload(lname == "get_item" ? "get_Item" : "set_Item", 0) }
        if lname == "get_item" {
            if let v = try index(target, key, hooks: hooks) { return v }
            switch key {
            case .int(0), .int(-1), .long(0), .long(-1): return target
            default: return .null
            }
        }
        throw RuntimeError(.runtimeException, "Unable to index into an object of type \"\(typeFullName(target))\".",
                           errorId: "CannotIndex", category: .InvalidOperation)
    }

    /// `$array.Method()` when the array has no such method: call it on each element.
    private static func enumerateMethod(_ a: PSArray, _ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        if a.items.isEmpty { throw MemberErrors.methodNotFound(a.typeFullName, name) }
        var results: [Value] = []
        for item in a.items {
            let r = try invokeMethod(item, name, args, hooks: hooks)
            if let inner = r.array { results.append(contentsOf: inner.items) } else if !r.isNull && !r.isVoidResult { results.append(r) }
        }
        if results.count == 1 { return results[0] }
        if results.isEmpty { return .voidResult }
        return .object(PSArray(results))
    }

    private static func canonicalMethodName(_ v: Value, _ name: String) -> String {
        methodNames(v).first { $0.caseInsensitiveCompare(name) == .orderedSame } ?? name
    }

    // MARK: - Indexing

    /// `$obj[key]` for native objects with an indexer (Groups['name'], Properties['A'], …);
    /// nil when the object has no indexer, so the interpreter reports its own error.
    public static func index(_ target: Value, _ key: Value, hooks: RuntimeHooks) throws -> Value? {
        guard case .object(let o) = target, let n = o as? PSDotNetObject else { return nil }
        return try n.index(key, hooks: hooks)
    }

    /// The items of a native enumerable object (MatchCollection, GroupCollection, Properties),
    /// which the pipeline and `foreach` enumerate like arrays; nil for anything else.
    public static func enumeratedItems(_ v: Value) -> [Value]? {
        guard case .object(let o) = v, let n = o as? PSDotNetObject else { return nil }
        return n.enumeratedItems
    }

    // MARK: - Conversions

    /// Registers the casts to the native types modelled here (`[datetime]'2024-03-05'`,
    /// `[version]'1.2'`, `[guid]'…'`, `[timespan]'01:30:00'`, `[System.Text.StringBuilder]'x'`,
    /// `[ref]$v`) with the conversion code. Idempotent; call once at session start.
    public static func registerNativeConversions() {
        // A collection converts to HashSet<T>, Queue<T> or Stack<T> through the constructor
        // that takes an IEnumerable<T> (LanguagePrimitives' constructor conversion).
        NativeConversions.registerGeneric("System.Nullable`1") { type, v in
            try Conversion.convert(v, to: type.genericArguments[0], hooks: nil)
        }
        for family in ["HashSet", "Queue", "Stack"] {
            NativeConversions.registerGeneric("System.Collections.Generic.\(family)`1") { type, v in
                guard Conversion.enumerate(v) != nil else { return nil }
                return (try? PSGenericCollection.construct(type, MethodArgs([v], RuntimeHooks()))) ?? nil
            }
        }
        NativeConversions.register("System.DateTime") { v in
            switch v {
            case .string(let s): return PSDateTime.parse(s).map { .object($0) }
            case .long(let t): return .object(PSDateTime(ticks: t))
            case .int(let t): return .object(PSDateTime(ticks: Int64(t)))
            default: return nil
            }
        }
        NativeConversions.register("System.TimeSpan") { v in
            switch v {
            case .string(let s): return PSTimeSpan.parse(s).map { .object($0) }
            case .long(let t): return .object(PSTimeSpan(ticks: t))
            case .int(let t): return .object(PSTimeSpan(ticks: Int64(t)))
            default: return nil
            }
        }
        NativeConversions.register("System.Guid") { v in
            guard case .string(let s) = v else { return nil }
            return PSGuid.parse(s).map { .object($0) }
        }
        NativeConversions.register("System.Version") { v in
            switch v {
            case .object(let o as PSSemanticVersion): return .object(o.asVersion())
            case .string(let s): return PSVersion.parse(s).map { .object($0) }
            case .double: return PSVersion.parse(Conversion.toString(v)).map { .object($0) }
            default: return nil
            }
        }
        // The SemanticVersion constructors a cast reaches: (string) and (Version).
        NativeConversions.register("System.Management.Automation.SemanticVersion") { v in
            switch v {
            case .string(let s): return PSSemanticVersion.parse(s).map { .object($0) }
            case .int, .long, .double, .decimal, .sized: return PSSemanticVersion.parse(Conversion.toString(v)).map { .object($0) }
            case .object(let o as PSVersion): return .object(try PSSemanticVersion.from(version: o))
            default: return nil
            }
        }
        NativeConversions.register("System.Text.StringBuilder") { v in
            guard case .string(let s) = v else { return nil }
            return .object(PSStringBuilder(s))
        }
        NativeConversions.register("System.Management.Automation.PSReference") { v in
            .object(PSReference(value: v))
        }
        NativeConversions.register("System.Management.Automation.PSTypeName") { v in
            // PSTypeName(string) and PSTypeName(Type): a type's name is its full name.
            if case .object(let o) = v, let t = o as? PSTypeObject { return .object(PSTypeNameObject(t.type.fullName)) }
            if case .string(let s) = v { return .object(PSTypeNameObject(s)) }
            return nil
        }
    }

    // MARK: - Names

    /// `System.String`, `System.Object[]`: the .NET type name pwsh shows in member errors.
    public static func typeFullName(_ v: Value) -> String {
        switch v {
        case .null: return "System.Object"
        case .bool: return "System.Boolean"
        case .int: return "System.Int32"
        case .long: return "System.Int64"
        case .double: return "System.Double"
        case .decimal: return "System.Decimal"
        case .string: return "System.String"
        case .char: return "System.Char"
        case .sized(let n): return n.kind == .bigInteger ? "System.Numerics.BigInteger" : "System." + n.typeName
        case .object(let o): return o.typeFullName
        }
    }

    /// `$x.pstypenames`: extra names first, then the type's hierarchy.
    public static func typeNames(_ v: Value) -> [String] {
        switch v {
        case .object(let o):
            if let c = o as? PSCustomObject, c.dotNetTypeName == nil {
                return o.extraTypeNames + ["System.Management.Automation.PSCustomObject", "System.Object"]
            }
            return o.typeNames
        case .null: return []
        case .string: return ["System.String", "System.Object"]
        default: return [typeFullName(v), "System.ValueType", "System.Object"]
        }
    }

    /// Property names as Select-Object * / Format-List * / Get-Member show them, in .NET order.
    public static func propertyNames(_ v: Value) -> [String] {
        var names: [String] = []
        if case .object(let o) = v, let members = o.instanceMembers {
            for m in members.members {
                if case .scriptMethod = m.kind { continue }
                names.append(m.name)
            }
        }
        switch v {
        case .string: names.append("Length")
        case .object(let o):
            if let c = o as? PSCustomObject {
                names = c.names(mergedWith: names)
            } else if let h = o as? PSHashtable {
                names += CollectionMembers.hashtablePropertyNames(h)
            } else if let a = o as? PSArray {
                names += CollectionMembers.arrayPropertyNames(a)
            } else if let ci = o as? PSClassInstance {
                names.insert(contentsOf: ci.properties.names, at: 0)
            } else if let n = o as? PSNativeObject {
                let own = n.propertyNames
                names += own.isEmpty ? ObjectMembers.builtinObjectPropertyNames(n) : own
            } else if o is ScriptBlock {
                names += ObjectMembers.scriptBlockPropertyNames
            }
        default: break
        }
        return names
    }

    /// The DefaultDisplayPropertySet pwsh's types.ps1xml gives the value's type, if any.
    public static func defaultDisplayProperties(_ v: Value) -> [String]? {
        guard case .object(let o) = v, let n = o as? PSNativeObject else { return nil }
        return n.defaultDisplayProperties
    }

    /// Method names (for Get-Member and completion), the object's own then the Object ones.
    public static func methodNames(_ v: Value) -> [String] {
        var names: [String] = []
        if case .object(let o) = v, let members = o.instanceMembers {
            for m in members.members { if case .scriptMethod = m.kind { names.append(m.name) } }
        }
        switch v {
        case .null: return []
        case .string: names += StringMembers.methodNames
        case .int, .long, .double, .decimal, .sized, .bool, .char: names += NumberMembers.methodNames
        case .object(let o):
            if o is PSArray { names += CollectionMembers.arrayMethodNames }
            else if o is PSHashtable { names += CollectionMembers.hashtableMethodNames }
            else if let n = o as? PSDotNetObject { names += n.methodNames }
            else if o is PSRegex { names += RegexMembers.regexMethodNames }
            else if o is PSRegexGroup { names += RegexMembers.matchMethodNames }
            else if let ci = o as? PSClassInstance { names += ci.definition.methods.values.compactMap { $0.first?.name } }
            else { names += ObjectMembers.builtinObjectMethodNames(o) }
        }
        for common in ["Equals", "GetHashCode", "GetType", "ToString"] where !names.contains(common) {
            names.append(common)
        }
        return names
    }

    // MARK: - Static members

    /// `[type]::Name`; nil when the type has no such static property or field.
    public static func getStatic(_ type: PSType, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        try StaticMembers.get(type, name.lowercased(), hooks: hooks)
    }

    /// `[type]::Name = value` (script class statics and the few settable .NET statics).
    public static func setStatic(_ type: PSType, _ name: String, _ value: Value, hooks: RuntimeHooks) throws {
        try StaticMembers.set(type, name, value, hooks: hooks)
    }

    /// `[type]::Method(args)`, including `[type]::new(args)` constructors.
    public static func invokeStatic(_ type: PSType, _ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        let lname = name.lowercased()
        let result: Value?
        do {
            result = try StaticMembers.invoke(type, lname, MethodArgs(args, hooks))
        } catch {
            // A constructor that throws is reported as ".ctor"; a constructor overload miss as "new".
            var shown = StaticMembers.canonicalName(type, name)
            if lname == "new", case MemberFailure.dotnet = error { shown = ".ctor" }
            throw MemberErrors.wrap(error, method: shown, argCount: args.count, hooks: hooks)
        }
        if let r = result { return r }
        throw MemberErrors.methodNotFound(type.fullName, name)
    }

    /// The .NET `ToString()` of a value: culture text for dates and numbers, the type name for
    /// collections (unlike `"$x"`, which joins arrays with `$OFS`).
    /// .NET's `Type.ToString()` of a full name: generic arguments in single brackets
    /// (`List`1[System.String]`, `Dictionary`2[System.String,System.Object]`), which is what
    /// `Object.ToString()` returns for a collection.
    static func typeToString(_ fullName: String) -> String {
        fullName.replacingOccurrences(of: "],[", with: ",")
            .replacingOccurrences(of: "[[", with: "[")
            .replacingOccurrences(of: "]]", with: "]")
    }

    public static func dotnetToString(_ v: Value, hooks: RuntimeHooks) -> String {
        switch v {
        case .null: return ""
        case .object(let o):
            if let n = o as? PSDotNetObject { return n.dotnetString }
            if o is PSArray || o is PSHashtable { return typeToString(o.typeFullName) }
            if o is PSCustomObject { return "" }
            if let n = o as? PSNativeObject { return n.toPSString() }
            if let s = o as? ScriptBlock { return s.text }
            if o is PSClassInstance { return o.typeFullName }
            return o.typeFullName
        default:
            return Conversion.toString(v, hooks: hooks)
        }
    }
}

/// `$hashtable.psbase`: the Hashtable's .NET properties (Keys, Values, Count …) without its keys
/// shadowing them; methods are the hashtable's own.
final class HashtableBaseView: PSDotNetObject {
    let table: PSHashtable

    init(_ table: PSHashtable) {
        self.table = table
    }

    override var typeFullName: String { table.typeFullName }
    override var typeHierarchy: [String] { table.typeHierarchy }
    override var propertyNames: [String] { CollectionMembers.hashtablePropertyNames(table) }
    override func property(_ name: String) -> Value? { CollectionMembers.hashtableProperty(table, name.lowercased()) }
    override var methodNames: [String] { CollectionMembers.hashtableMethodNames }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        try Members.invokeMethod(.object(table), name, args, hooks: hooks)
    }

    override func toPSString() -> String { Conversion.toString(.object(table)) }
}
