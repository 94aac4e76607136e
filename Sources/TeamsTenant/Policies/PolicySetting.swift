import Foundation

/// The .NET integer type a whole-number setting takes (its parameter type and its range).
public enum PolicyIntegerType: String, Equatable, Sendable {
    case int32 = "System.Int32"
    case int64 = "System.Int64"
    case uint32 = "System.UInt32"

    /// The values the type holds (Int64's range is Swift Int's on the 64-bit platforms teamsh runs on).
    public var range: ClosedRange<Int> {
        switch self {
        case .int32: return Int(Int32.min)...Int(Int32.max)
        case .int64: return Int.min...Int.max
        case .uint32: return 0...Int(UInt32.max)
        }
    }
}

/// What one field of a record (an object-list element) holds.
public enum PolicyFieldKind: Equatable, Sendable {
    case text
    case boolean
    case integer
}

/// One field of a record type, in the type's property order.
public struct PolicyRecordField: Equatable, Sendable {
    public let name: String
    public let kind: PolicyFieldKind
    /// The value a new element has when the field is not given.
    public let defaultValue: PolicyValue
    /// Whether the element's text (`Id=…;Order=1`) shows the field.
    public let inText: Bool

    public init(_ name: String, _ kind: PolicyFieldKind = .text, default defaultValue: PolicyValue = nil, inText: Bool = true) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.inText = inText
    }
}

/// The element type of an object-list setting (`Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp`):
/// its fields, the field that names an element, and the constructors scripts call
/// (`[…PinnedApp]::new($id, $order)`, `New-Object … -Property @{ Id = … }`).
public struct PolicyRecordType: Equatable, Sendable {
    /// The .NET full name scripts use.
    public let typeName: String
    public let fields: [PolicyRecordField]
    /// The field that identifies an element: a PSListModifier's Remove matches on it.
    public let keyField: String
    /// Argument lists `::new(…)` accepts besides the empty one, as field names in order.
    public let constructors: [[String]]

    public init(typeName: String, fields: [PolicyRecordField], keyField: String, constructors: [[String]] = []) {
        self.typeName = typeName
        self.fields = fields
        self.keyField = keyField
        self.constructors = constructors
    }

    /// The last part of the type name (`PinnedApp`).
    public var shortName: String {
        typeName.split(separator: ".").last.map(String.init) ?? typeName
    }

    /// A field by name, case-insensitively.
    public func field(named name: String) -> PolicyRecordField? {
        let folded = name.lowercased()
        return fields.first { $0.name.lowercased() == folded }
    }

    /// A record with every field: given values checked and in canonical case, the others at
    /// their defaults. `setting` names the setting in errors.
    public func canonical(_ value: PolicyValue, setting: String) throws -> PolicyValue {
        guard case .record(let given) = value else {
            throw TenantError.invalidSettingType(setting: setting, value: value.description, typeName: typeName)
        }
        var fields: [String: PolicyValue] = [:]
        for field in self.fields { fields[field.name] = field.defaultValue }
        for (name, fieldValue) in given {
            guard let field = field(named: name) else {
                throw TenantError.unknownSetting(policyType: typeName, setting: name)
            }
            fields[field.name] = try PolicyRecordType.canonical(fieldValue, field, setting: setting)
        }
        return .record(fields)
    }

    private static func canonical(_ value: PolicyValue, _ field: PolicyRecordField, setting: String) throws -> PolicyValue {
        switch (field.kind, value) {
        case (_, .null), (.text, .string), (.boolean, .bool), (.integer, .int):
            return value
        case (.text, .bool), (.text, .int):
            return .string(value.description)
        case (.integer, .string(let text)):
            if let number = Int(text.trimmingWhitespace()) { return .int(number) }
        case (.boolean, .string(let text)):
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: break
            }
        default:
            break
        }
        let typeName = field.kind == .integer ? "System.Int32" : field.kind == .boolean ? "System.Boolean" : "System.String"
        throw TenantError.invalidSettingType(setting: setting + "." + field.name, value: value.description, typeName: typeName)
    }
}

/// What values a setting takes.
public enum PolicySettingKind: Equatable, Sendable {
    case boolean
    /// Free text.
    case text
    /// Text with known values, matched case-insensitively and stored in the list's case.
    case choice([String])
    case integer(PolicyIntegerType)
    /// A GUID, stored in lower case as .NET prints it.
    case guid
    /// A date and time, stored as `yyyy-MM-ddTHH:mm:ss` (as the parameter's DateTime was given).
    case dateTime
    /// A list of strings (PowerShell `String[]`, or a PSListModifier `@{ Add = …; Remove = … }`).
    case stringList
    /// A list of records of one type.
    case objectList(PolicyRecordType)

    /// The parameter type a binary cmdlet declares for a setting of this kind.
    var defaultParameterTypeName: String {
        switch self {
        case .boolean: return "System.Boolean"
        case .text, .choice: return "System.String"
        case .integer(let type): return "System.Nullable`1[\(type.rawValue)]"
        case .guid: return "System.Guid"
        case .dateTime: return "System.Nullable`1[System.DateTime]"
        case .stringList: return "System.String[]"
        case .objectList: return "System.Management.Automation.PSObject"
        }
    }

    public var isList: Bool {
        switch self {
        case .stringList, .objectList: return true
        default: return false
        }
    }
}

/// How sure the facts are of a value (families.json's `globalDefaultStatus`): `chosen` marks a
/// value no source gave, picked by the simulator (each is a `NOTE:` in its family's file and
/// counted in the README's limits).
public enum PolicyFactStatus: String, Equatable, Sendable {
    /// Two or more sources agree.
    case verified
    case singleSource
    /// Sources disagree; the value is the one the facts chose.
    case conflict
    /// Worked out from verified facts.
    case derived
    /// Unknown: the simulator's choice.
    case chosen
}

/// One setting of a policy type, in the order its list view shows it.
public struct PolicySettingDescriptor: Equatable, Sendable {
    /// The property and parameter name (`CallingEndtoEndEncryptionEnabledType`).
    public let name: String
    public let kind: PolicySettingKind
    /// The value a new instance gets when the setting is not given.
    public let defaultValue: PolicyValue
    /// False for settings that describe an instance rather than configure it (`Description`):
    /// `Grant -Global` copies only the others into Global.
    public let isConfiguration: Bool
    /// False for properties the objects show but no cmdlet sets (read-only).
    public let isParameter: Bool
    /// The first MicrosoftTeams version whose New/Set cmdlets take the parameter (nil: from the
    /// family's first version).
    public let since: ModuleVersion?
    /// The .NET type the binary cmdlets declare (proxy functions use their own, simpler types).
    public let parameterTypeName: String
    /// How sure the facts are of the Global value.
    public let globalStatus: PolicyFactStatus
    /// A new instance that is not given the setting takes its own name (a dial plan's SimpleName).
    public let defaultsToName: Bool

    public init(
        name: String, kind: PolicySettingKind, defaultValue: PolicyValue, isConfiguration: Bool = true,
        isParameter: Bool = true, since: ModuleVersion? = nil, parameterTypeName: String? = nil,
        globalStatus: PolicyFactStatus = .verified, defaultsToName: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.isConfiguration = isConfiguration
        self.isParameter = isParameter
        self.since = since
        self.parameterTypeName = parameterTypeName ?? kind.defaultParameterTypeName
        self.globalStatus = globalStatus
        self.defaultsToName = defaultsToName
    }

    /// The allowed values of a choice setting (empty for other kinds).
    public var allowedValues: [String] {
        if case .choice(let values) = kind { return values }
        return []
    }

    /// Whether a module version's New/Set cmdlets take this setting as a parameter.
    public func isParameter(in version: ModuleVersion) -> Bool {
        isParameter && (since.map { version.release >= $0 } ?? true)
    }

    /// Checks a value against the setting and returns it in canonical form
    /// (`disableduseroverride` becomes `DisabledUserOverride`, a GUID is lower-cased, a record
    /// gets every field). Null is accepted for every kind: an unset value.
    public func canonical(_ value: PolicyValue) throws -> PolicyValue {
        if value == .null { return .null }
        switch kind {
        case .choice(let allowed):
            guard case .string(let text) = value, let match = allowed.first(where: { $0.lowercased() == text.lowercased() })
            else { throw TenantError.invalidSettingValue(setting: name, value: value.description, allowed: allowed) }
            return .string(match)
        case .text:
            if case .string = value { return value }
            guard case .list = value else { return .string(value.description) }
        case .boolean:
            if case .bool = value { return value }
        case .integer(let type):
            var number: Int?
            if case .int(let given) = value { number = given }
            if case .string(let text) = value { number = Int(text.trimmingWhitespace()) }
            if let number, type.range.contains(number) { return .int(number) }
        case .guid:
            if case .string(let text) = value, GuidText.isGuid(text) { return .string(text.lowercased()) }
        case .dateTime:
            if case .string(let text) = value, PolicySettingDescriptor.isDateTimeText(text) { return value }
        case .stringList:
            return .list(value.listItems.map { item in
                if case .string = item { return item }
                return .string(item.description)
            })
        case .objectList(let recordType):
            return .list(try value.listItems.map { try recordType.canonical($0, setting: name) })
        }
        throw TenantError.invalidSettingType(setting: name, value: value.description, typeName: typeNameForErrors)
    }

    /// The value type named in errors (`System.Int64`, `System.Boolean`).
    var typeNameForErrors: String {
        switch kind {
        case .boolean: return "System.Boolean"
        case .integer(let type): return type.rawValue
        case .guid: return "System.Guid"
        case .dateTime: return "System.DateTime"
        case .objectList(let recordType): return recordType.typeName
        case .text, .choice, .stringList: return "System.String"
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss`, optionally with a fraction or `Z`.
    static func isDateTimeText(_ text: String) -> Bool {
        let units = Array(text.utf8)
        guard units.count >= 19 else { return false }
        let digits: [Int] = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        return digits.allSatisfy { units[$0] >= 48 && units[$0] <= 57 } && units[4] == 45 && units[7] == 45
            && units[10] == 84 && units[13] == 58 && units[16] == 58
    }
}

/// One change to a setting, as New and Set receive it.
public enum PolicySettingChange: Equatable, Sendable {
    /// The setting becomes this value.
    case value(PolicyValue)
    /// A PSListModifier on a list setting (`@{ Add = …; Remove = …; Replace = … }`): Replace (when
    /// given) becomes the list, then Add appends what is missing, then Remove takes elements out
    /// (records match on their key field).
    case modify(add: [PolicyValue], remove: [PolicyValue], replace: [PolicyValue]?)
}

/// Setting builders, so each family's file reads as a table of data.
extension PolicySettingDescriptor {
    public static func boolean(
        _ name: String, _ global: Bool?, _ status: PolicyFactStatus = .verified, since: ModuleVersion? = nil,
        readOnly: Bool = false, parameterType: String? = nil
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .boolean, defaultValue: global.map(PolicyValue.bool) ?? .null, isParameter: !readOnly,
            since: since, parameterTypeName: parameterType, globalStatus: status)
    }

    public static func text(
        _ name: String, _ global: String?, _ status: PolicyFactStatus = .verified, since: ModuleVersion? = nil,
        readOnly: Bool = false, configuration: Bool = true, parameterType: String? = nil, defaultsToName: Bool = false
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .text, defaultValue: global.map(PolicyValue.string) ?? .null,
            isConfiguration: configuration, isParameter: !readOnly, since: since, parameterTypeName: parameterType,
            globalStatus: status, defaultsToName: defaultsToName)
    }

    public static func choice(
        _ name: String, _ values: [String], _ global: String?, _ status: PolicyFactStatus = .verified,
        since: ModuleVersion? = nil, readOnly: Bool = false, parameterType: String? = nil
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .choice(values), defaultValue: global.map(PolicyValue.string) ?? .null,
            isParameter: !readOnly, since: since, parameterTypeName: parameterType, globalStatus: status)
    }

    public static func integer(
        _ name: String, _ type: PolicyIntegerType, _ global: Int?, _ status: PolicyFactStatus = .verified,
        since: ModuleVersion? = nil, readOnly: Bool = false, parameterType: String? = nil
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .integer(type), defaultValue: global.map(PolicyValue.int) ?? .null,
            isParameter: !readOnly, since: since, parameterTypeName: parameterType, globalStatus: status)
    }

    public static func guid(
        _ name: String, _ global: String?, _ status: PolicyFactStatus = .verified, since: ModuleVersion? = nil,
        readOnly: Bool = false
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .guid, defaultValue: global.map(PolicyValue.string) ?? .null, isParameter: !readOnly,
            since: since, globalStatus: status)
    }

    public static func dateTime(
        _ name: String, _ global: String?, _ status: PolicyFactStatus = .verified, since: ModuleVersion? = nil
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .dateTime, defaultValue: global.map(PolicyValue.string) ?? .null, since: since,
            globalStatus: status)
    }

    public static func stringList(
        _ name: String, _ global: [String]?, _ status: PolicyFactStatus = .verified, since: ModuleVersion? = nil,
        parameterType: String? = nil
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .stringList, defaultValue: global.map { .list($0.map(PolicyValue.string)) } ?? .null,
            since: since, parameterTypeName: parameterType, globalStatus: status)
    }

    public static func objectList(
        _ name: String, _ type: PolicyRecordType, _ global: PolicyValue, _ status: PolicyFactStatus = .verified,
        since: ModuleVersion? = nil, parameterType: String? = nil
    ) -> PolicySettingDescriptor {
        PolicySettingDescriptor(
            name: name, kind: .objectList(type), defaultValue: global, since: since, parameterTypeName: parameterType,
            globalStatus: status)
    }
}
