/// A policy instance's identity: the tenant-wide `Global`, or a per-user `Tag:Name`.
///
/// Forms accepted from scripts (case-insensitive): `Global`, `Tag:Name`, and bare `Name`, which
/// means `Tag:Name`. Names keep the case they were created with.
public enum PolicyIdentity: Hashable, Sendable, CustomStringConvertible {
    case global
    case tag(String)

    /// Reads an identity as `-Identity` takes it. Returns nil for an empty name (`""`, `Tag:`).
    public init?(parsing text: String) {
        let trimmed = String(text.trimmingWhitespace())
        if trimmed.lowercased() == "global" {
            self = .global
            return
        }
        let name = PolicyIdentity.stripTagPrefix(trimmed)
        guard !name.isEmpty else { return nil }
        self = .tag(name)
    }

    /// A name as `-PolicyName` takes it (`Name`, also `Tag:Name`), without the scope.
    public static func stripTagPrefix(_ text: String) -> String {
        if text.count >= 4, text.prefix(4).lowercased() == "tag:" { return String(text.dropFirst(4)) }
        return text
    }

    /// `Global` or `Tag:Name`, the Identity property's text.
    public var description: String {
        switch self {
        case .global: return "Global"
        case .tag(let name): return "Tag:" + name
        }
    }

    /// The name without scope (`Global` for the global instance).
    public var name: String {
        switch self {
        case .global: return "Global"
        case .tag(let name): return name
        }
    }

    public var isGlobal: Bool { self == .global }


    /// Whether two identities name the same instance (case-insensitively).
    public func matches(_ other: PolicyIdentity) -> Bool {
        switch (self, other) {
        case (.global, .global): return true
        case (.tag(let a), .tag(let b)): return CaseFolding.equal(a, b)
        default: return false
        }
    }
}

extension PolicyIdentity: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let identity = PolicyIdentity(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty policy identity")
        }
        self = identity
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
