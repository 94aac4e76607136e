import Foundation
import PowerShellRuntime
import PowerShellSyntax
import TeamsTenant

/// Between PowerShell values and policy values, guided by each setting's kind: bound parameters
/// become setting changes (a PSListModifier hashtable `@{ Add = …; Remove = …; Replace = … }`
/// for list settings), and policy instances become the module's objects.
enum PolicyValues {
    /// The change a bound parameter asks for.
    static func change(_ value: Value, for setting: PolicySettingDescriptor, context: ExecutionContext) throws -> PolicySettingChange {
        guard setting.kind.isList, let table = listModifier(value) else {
            return .value(try policyValue(value, setting, context: context))
        }
        func items(_ key: String) throws -> [PolicyValue]? {
            guard let entry = table.first(where: { $0.key == key })?.value else { return nil }
            return try policyValue(entry, setting, context: context).listItems
        }
        return .modify(add: try items("add") ?? [], remove: try items("remove") ?? [], replace: try items("replace"))
    }

    /// A hashtable whose keys are all Add, Remove or Replace (the PSListModifier form), as
    /// lower-cased key → value; nil for anything else.
    static func listModifier(_ value: Value) -> [(key: String, value: Value)]? {
        guard case .object(let o) = value, let table = o as? PSHashtable, !table.keys.isEmpty else { return nil }
        var entries: [(key: String, value: Value)] = []
        for (key, entry) in zip(table.keys, table.values) {
            let name = Conversion.toString(key).lowercased()
            guard ["add", "remove", "replace"].contains(name) else { return nil }
            entries.append((name, entry))
        }
        return entries
    }

    /// A bound value as the setting's kind of policy value (null stays null).
    static func policyValue(_ value: Value, _ setting: PolicySettingDescriptor, context: ExecutionContext) throws -> PolicyValue {
        let hooks = context.hooks
        if value.isNull { return .null }
        switch setting.kind {
        case .boolean:
            return .bool(Conversion.toBool(value))
        case .integer:
            return .int(Int(try Conversion.toInt64(value)))
        case .text, .choice:
            return .string(Conversion.toString(value, hooks: hooks))
        case .guid:
            return .string(Conversion.toString(try Conversion.convert(value, to: TypeResolver.guid, hooks: hooks), hooks: hooks).lowercased())
        case .dateTime:
            let converted = try Conversion.convert(value, to: TypeResolver.datetime, hooks: hooks)
            guard case .object(let o) = converted, let date = o as? PSDateTime else { return .null }
            return .string(DateTimeText.iso(date.ticks))
        case .stringList:
            return .list(items(value).map { .string(Conversion.toString($0, hooks: hooks)) })
        case .objectList(let recordType):
            return .list(try items(value).map { try record($0, recordType, setting: setting.name, hooks: hooks) })
        }
    }

    /// A value's items: an array's elements, one item otherwise, none for null.
    static func items(_ value: Value) -> [Value] {
        if value.isNull { return [] }
        return Conversion.enumerate(value) ?? [value]
    }

    /// An object-list element from a class instance, custom object, hashtable or other object
    /// (its properties named as the record type's fields; others are ignored).
    static func record(_ value: Value, _ type: PolicyRecordType, setting: String, hooks: RuntimeHooks) throws -> PolicyValue {
        var fields: [String: PolicyValue] = [:]
        switch value {
        case .object(let table as PSHashtable):
            for (key, entry) in zip(table.keys, table.values) {
                if let field = type.field(named: Conversion.toString(key)) { fields[field.name] = scalar(entry, hooks: hooks) }
            }
        case .object(let o) where !(o is PSArray):
            for field in type.fields {
                if let entry = try Members.getProperty(value, field.name, hooks: hooks) { fields[field.name] = scalar(entry, hooks: hooks) }
            }
        default:
            throw TenantError.invalidSettingType(setting: setting, value: Conversion.toString(value, hooks: hooks), typeName: type.typeName)
        }
        return .record(fields)
    }

    /// A field value: Booleans and numbers keep their kind, the rest is text.
    static func scalar(_ value: Value, hooks: RuntimeHooks) -> PolicyValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int(number))
        case .long(let number): return .int(Int(number))
        default: return .string(Conversion.toString(value, hooks: hooks))
        }
    }

    // MARK: Output

    /// A policy instance as the module returns it: Identity, then the settings in the list view's
    /// order, under the type name its view keys on.
    static func object(_ instance: PolicyInstance, _ d: PolicyTypeDescriptor, context: ExecutionContext) -> Value {
        var pairs: [(String, Value)] = [("Identity", .string(instance.identity.description))]
        pairs.reserveCapacity(d.settings.count + 1)
        for setting in d.settings {
            pairs.append((setting.name, value(instance.value(setting.name), setting.kind, context: context)))
        }
        if d.objectTypeName.hasPrefix("Deserialized.") {
            // A proxy function's result came through remoting: a property bag under its type name.
            return .object(PSCustomObject(pairs, typeName: d.objectTypeName))
        }
        // A binary cmdlet's result is an instance of its .NET class.
        return .object(PSCustomObject(dotNetType: d.objectTypeName, properties: pairs, declaredTypes: declaredTypes(d)))
    }

    private static let declaredTypesLock = NSLock()
    nonisolated(unsafe) private static var declaredTypesByClass: [String: [String: String]] = [:]

    /// The property types of a binary policy class, worked out once per class (parallel tasks
    /// share the table, hence the lock).
    private static func declaredTypes(_ d: PolicyTypeDescriptor) -> [String: String] {
        declaredTypesLock.lock()
        defer { declaredTypesLock.unlock() }
        if let known = declaredTypesByClass[d.objectTypeName] { return known }
        var declared: [String: String] = ["identity": "string"]
        for setting in d.settings { declared[setting.name.lowercased()] = declaredTypeName(setting.kind) }
        declaredTypesByClass[d.objectTypeName] = declared
        return declared
    }

    /// How Get-Member names a binary policy class's property of this kind.
    // NOTE: the classes' own declarations were not read (catalog.md: their help XML was not
    // parsed); the types follow the parameters the binary cmdlets declare for the same settings.
    private static func declaredTypeName(_ kind: PolicySettingKind) -> String {
        switch kind {
        case .boolean: return "bool"
        case .text, .choice: return "string"
        case .integer(.int32): return "System.Nullable[int]"
        case .integer(.int64): return "System.Nullable[long]"
        case .integer(.uint32): return "System.Nullable[uint]"
        case .guid: return "guid"
        case .dateTime: return "System.Nullable[datetime]"
        case .stringList: return "System.Collections.Generic.List[string]"
        case .objectList(let type): return "System.Collections.Generic.List[\(type.typeName)]"
        }
    }

    /// A policy value as the property value a script reads.
    static func value(_ v: PolicyValue, _ kind: PolicySettingKind, context: ExecutionContext) -> Value {
        switch (kind, v) {
        case (_, .null):
            return kind.isList ? .object(PSArray([], kind: .genericList(elementType: "System.Object"))) : .null
        case (.integer(let type), .int(let number)):
            return type == .int32 ? .int(Int32(clamping: number)) : .long(Int64(number))
        case (.guid, .string(let text)):
            return (try? Conversion.convert(.string(text), to: TypeResolver.guid, hooks: context.hooks)) ?? .string(text)
        case (.dateTime, .string(let text)):
            return DateTimeText.parse(text).map { .object($0) } ?? .string(text)
        case (.stringList, _):
            return .object(PSArray(v.listItems.map { .string($0.description) }, kind: .genericList(elementType: "System.String")))
        case (.objectList(let type), _):
            let items = v.listItems.map { PolicyRecordClasses.instance($0, type, context: context) }
            return .object(PSArray(items, kind: .genericList(elementType: type.typeName)))
        default:
            return plain(v)
        }
    }

    /// A value without a kind to guide it.
    static func plain(_ v: PolicyValue) -> Value {
        switch v {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .int(let number): return Int(Int32.min)...Int(Int32.max) ~= number ? .int(Int32(number)) : .long(Int64(number))
        case .null: return .null
        case .list(let items): return .object(PSArray(items.map(plain)))
        case .record: return .string(v.description)
        }
    }
}

/// The element types of object lists as classes of the session (`[…Core.PinnedApp]::new($id, 1)`,
/// `New-Object -TypeName …Core.PinnedApp -Property @{ Id = … }`), defined once per session from
/// PowerShell source generated from the record type, so they behave as any class: typed
/// properties, constructors, and the `Id=…;Order=1` text through their ToString.
enum PolicyRecordClasses {
    /// Defines the classes of every record type of the catalog in the session.
    static func define(_ catalog: PolicyCatalog, in context: ExecutionContext) {
        var seen = Set<String>()
        for descriptor in catalog.descriptors {
            for setting in descriptor.settings {
                guard case .objectList(let type) = setting.kind, seen.insert(type.typeName.lowercased()).inserted else { continue }
                _ = definition(type, in: context)
            }
        }
        _ = definition(.normalizationRule, in: context)
    }

    /// The session's class for a record type, defined on first use.
    static func definition(_ type: PolicyRecordType, in context: ExecutionContext) -> PSClassDefinition? {
        if case .psClass(let existing)? = context.userTypes[type.typeName.lowercased()]?.kind { return existing }
        let parsed = Parser.parse(SourceText(text: source(type), path: type.typeName))
        guard parsed.errors.isEmpty, let statement = parsed.ast.endBlock?.statements.first,
              case .typeDefinition(let ast) = statement else { return nil }
        try? context.defineModuleClass(ast, fullName: type.typeName)
        if case .psClass(let made)? = context.userTypes[type.typeName.lowercased()]?.kind { return made }
        return nil
    }

    /// `class PinnedApp { [string]$Id; [object]$Order; constructors; ToString }`.
    static func source(_ type: PolicyRecordType) -> String {
        func declared(_ field: PolicyRecordField) -> String {
            switch field.kind {
            case .text: return "[string]"
            case .boolean: return "[bool]"
            case .integer: return "[object]"
            }
        }
        let name = type.shortName
        var lines = ["class \(name) {"]
        for field in type.fields { lines.append("    \(declared(field))$\(field.name)") }
        lines.append("    \(name)() {}")
        for arguments in type.constructors {
            let fields = arguments.compactMap { type.field(named: $0) }
            let parameters = fields.map { declared($0) + "$" + $0.name }.joined(separator: ", ")
            let body = fields.map { "$this.\($0.name) = $\($0.name)" }.joined(separator: "; ")
            lines.append("    \(name)(\(parameters)) { \(body) }")
        }
        let text = type.fields.filter(\.inText).map { "'\($0.name)=' + $this.\($0.name)" }.joined(separator: " + ';' + ")
        lines.append("    [string] ToString() { return \(text.isEmpty ? "''" : text) }")
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// A record as an instance of its class (a custom object with the type name when the class
    /// cannot be made).
    static func instance(_ record: PolicyValue, _ type: PolicyRecordType, context: ExecutionContext) -> Value {
        let pairs = type.fields.map { ($0.name, PolicyValues.plain(record.field($0.name) ?? $0.defaultValue)) }
        guard let def = definition(type, in: context), let made = try? context.hooks.constructClass(def, []),
              case .object(let o) = made, let instance = o as? PSClassInstance else {
            return .object(PSCustomObject(pairs, typeName: type.typeName))
        }
        for (name, value) in pairs { try? instance.setProperty(name, value, hooks: context.hooks) }
        return made
    }
}

/// `yyyy-MM-ddTHH:mm:ss` text for DateTime ticks (100 ns since 0001-01-01), and back.
enum DateTimeText {
    static let ticksPerSecond: Int64 = 10_000_000
    /// Days from 0001-01-01 to 1970-01-01.
    static let epochDays: Int64 = 719_162

    static func iso(_ ticks: Int64) -> String {
        let seconds = ticks / ticksPerSecond
        let days = seconds / 86_400, time = seconds % 86_400
        let (y, m, d) = civil(days - epochDays)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(Int64(m)) + "-" + two(Int64(d))
            + "T" + two(time / 3600) + ":" + two(time / 60 % 60) + ":" + two(time % 60)
    }

    static func parse(_ text: String) -> PSDateTime? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).prefix(6).map { Int($0.prefix(4)) }
        guard parts.count == 6, let y = parts[0], let mo = parts[1], let d = parts[2], let h = parts[3], let mi = parts[4],
              let s = parts[5] else { return nil }
        return PSDateTime.make(y, mo, d, h, mi, s)
    }

    /// A proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(_ days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
