/// A policy setting's value, as the tenant stores it and the world file holds it: text, a Boolean,
/// a whole number, nothing, a list (string lists and object lists) or a record (one element of an
/// object list, such as a pinned app `{ Id, Order }` or a dial plan's normalization rule).
///
/// The setting's descriptor says which shape a value must have; `PolicySettingDescriptor.canonical`
/// checks it. Literals make descriptors read as data: `true`, `120`, `"Enabled"`, `nil`, `[]`.
public enum PolicyValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)
    case null
    case list([PolicyValue])
    /// Field name (as the record type spells it) → value. The record type gives the order.
    case record([String: PolicyValue])

    /// The value as text: `True`/`False` for Booleans (as PowerShell prints them), empty for null,
    /// list items joined with ", ", record fields as `Name=value` joined with `;` in name order
    /// (the record type's own order is used wherever a type is known).
    public var description: String {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .null: return ""
        case .list(let items): return items.map(\.description).joined(separator: ", ")
        case .record(let fields):
            return fields.keys.sorted().map { $0 + "=" + (fields[$0]?.description ?? "") }.joined(separator: ";")
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items of a list (a non-list value is a list of itself; null is empty).
    public var listItems: [PolicyValue] {
        switch self {
        case .list(let items): return items
        case .null: return []
        default: return [self]
        }
    }

    /// A record's field, found case-insensitively (nil when absent or not a record).
    public func field(_ name: String) -> PolicyValue? {
        guard case .record(let fields) = self else { return nil }
        if let exact = fields[name] { return exact }
        let folded = name.lowercased()
        return fields.first { $0.key.lowercased() == folded }?.value
    }
}

extension PolicyValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([PolicyValue].self) {
            self = .list(items)
        } else {
            self = .record(try container.decode([String: PolicyValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .null: try container.encodeNil()
        case .list(let items): try container.encode(items)
        case .record(let fields): try container.encode(fields)
        }
    }
}

extension PolicyValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: PolicyValue...) { self = .list(elements) }

    public init(dictionaryLiteral elements: (String, PolicyValue)...) {
        var fields: [String: PolicyValue] = [:]
        for (name, value) in elements { fields[name] = value }
        self = .record(fields)
    }
}
