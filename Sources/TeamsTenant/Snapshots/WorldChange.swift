import Foundation

/// One difference between two worlds, as `teamsh -Plan` and Compare-TeamsSimTenant list it: what
/// is added, changed or removed (a module, a policy instance, an assignment, a team, a user's
/// client setting…), named the way an admin names it, with the values that differ.
public struct WorldChange: Equatable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case add, change, remove

        /// `+`, `~`, `-`.
        public var symbol: String {
            switch self {
            case .add: return "+"
            case .change: return "~"
            case .remove: return "-"
            }
        }
    }

    /// What kind of thing changed; the plan lists the kinds in this order.
    public enum Kind: String, Sendable, CaseIterable {
        case module, tenant, pstnUsage, policy, group, groupAssignment, user, userAssignment, clientSetting
    }

    /// One value that differs: `old` is nil when the thing did not exist before, `new` when it
    /// is gone.
    public struct Detail: Equatable, Sendable {
        public let name: String
        public let old: PolicyValue?
        public let new: PolicyValue?
        /// The setting's kind, when the value is a policy setting (object lists print their
        /// elements' fields in their type's order).
        public let kind: PolicySettingKind?

        public init(_ name: String, old: PolicyValue?, new: PolicyValue?, kind: PolicySettingKind? = nil) {
            self.name = name
            self.old = old
            self.new = new
            self.kind = kind
        }
    }

    public let action: Action
    public let kind: Kind
    /// What changed, as the plan's line names it (`TeamsMeetingPolicy Tag:Sales`,
    /// `TeamsMeetingPolicy for user jay@contoso.com`, `module MicrosoftTeams`).
    public let target: String
    /// The fields that name the thing, for machines (`policyType`, `identity`, `user`, `group`,
    /// `groupId`, `module`), in a fixed order.
    public let subject: [(key: String, value: String)]
    public let details: [Detail]

    public init(_ action: Action, _ kind: Kind, target: String, subject: [(key: String, value: String)], details: [Detail] = []) {
        self.action = action
        self.kind = kind
        self.target = target
        self.subject = subject
        self.details = details
    }

    public static func == (a: WorldChange, b: WorldChange) -> Bool {
        a.action == b.action && a.kind == b.kind && a.target == b.target && a.details == b.details
            && a.subject.map(\.key) == b.subject.map(\.key) && a.subject.map(\.value) == b.subject.map(\.value)
    }

    // MARK: Text

    /// The change as the plan prints it: `+ target`, then one indented `Name: old → new` line per
    /// detail; a direct assignment is one line, its policy name after a colon (a bulk grant to
    /// thousands of users reads as thousands of lines, not three times as many).
    public var lines: [String] {
        if kind == .userAssignment, details.count == 1, let only = details.first {
            return [action.symbol + " " + target + ": " + WorldChange.text(of: only, action: action)]
        }
        return [action.symbol + " " + target] + details.map { "    " + $0.name + ": " + WorldChange.text(of: $0, action: action) }
    }

    /// `old → new` for a change, the value alone for an addition or removal.
    static func text(of detail: Detail, action: Action) -> String {
        let old = detail.old.map { literal($0, detail.kind) } ?? "(none)"
        let new = detail.new.map { literal($0, detail.kind) } ?? "(none)"
        switch (detail.old, detail.new) {
        case (nil, _?) where action == .add: return new
        case (_?, nil) where action == .remove: return old
        default: return old + " → " + new
        }
    }

    /// A value as PowerShell writes it: `'text'`, `$true`, `42`, `$null`, `@('a', 'b')`,
    /// `@{Id='…'; Order=1}` (fields in their type's order).
    public static func literal(_ value: PolicyValue, _ kind: PolicySettingKind? = nil) -> String {
        switch value {
        case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .bool(let flag): return flag ? "$true" : "$false"
        case .int(let number): return String(number)
        case .null: return "$null"
        case .list(let items): return "@(" + items.map { literal($0, kind) }.joined(separator: ", ") + ")"
        case .record(let fields):
            var names = fields.keys.sorted()
            if case .objectList(let type)? = kind {
                let ordered = type.fields.map(\.name).filter { fields[$0] != nil }
                names = ordered + names.filter { !ordered.contains($0) }
            }
            return "@{" + names.map { $0 + "=" + literal(fields[$0] ?? .null) }.joined(separator: "; ") + "}"
        }
    }

    // MARK: Summary

    /// `Plan: 1 to add, 2 to change, 0 to remove.`
    public static func summary(_ changes: [WorldChange]) -> String {
        let count = { (action: Action) in changes.filter { $0.action == action }.count }
        return "Plan: \(count(.add)) to add, \(count(.change)) to change, \(count(.remove)) to remove."
    }
}

// MARK: - JSON

extension WorldChange: Encodable {
    private enum CodingKeys: String, CodingKey {
        case action, kind, target, subject, details
    }

    private struct SubjectKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `{ "action": "change", "kind": "policy", "target": …, "subject": { "policyType": …,
    /// "identity": … }, "details": [ { "name": …, "old": …, "new": … } ] }`; a missing side is
    /// left out (`null` is a value: `$null`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action.rawValue, forKey: .action)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encode(target, forKey: .target)
        var subjectContainer = container.nestedContainer(keyedBy: SubjectKey.self, forKey: .subject)
        for (key, value) in subject { try subjectContainer.encode(value, forKey: SubjectKey(stringValue: key)) }
        try container.encode(details, forKey: .details)
    }
}

extension WorldChange.Detail: Encodable {
    private enum CodingKeys: String, CodingKey {
        case name, old, new
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        if let old { try container.encode(old, forKey: .old) }
        if let new { try container.encode(new, forKey: .new) }
    }
}
