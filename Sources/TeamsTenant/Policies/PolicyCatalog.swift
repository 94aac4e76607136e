/// The policy types a tenant knows, each described by data. A tenant carries its catalog, so a
/// test (or a later tool) can build a tenant with a family teamsh does not ship; every world file
/// is read with the standard one.
public struct PolicyCatalog: Equatable, Sendable {
    /// Every type, in the order Get-CsUserPolicyAssignment lists them.
    public let descriptors: [PolicyTypeDescriptor]
    /// Lower-cased type name → position.
    private let byName: [String: Int]
    /// Lower-cased cmdlet name (`grant-csteamsmeetingpolicy`) → position and verb.
    private let byCommand: [String: (Int, PolicyCmdletVerb)]

    public init(_ descriptors: [PolicyTypeDescriptor]) {
        self.descriptors = descriptors
        var byName: [String: Int] = [:], byCommand: [String: (Int, PolicyCmdletVerb)] = [:]
        for (position, descriptor) in descriptors.enumerated() {
            if byName[descriptor.name.lowercased()] == nil { byName[descriptor.name.lowercased()] = position }
            for verb in PolicyCmdletVerb.allCases {
                let key = (verb.rawValue + "-" + descriptor.cmdletNoun).lowercased()
                if byCommand[key] == nil { byCommand[key] = (position, verb) }
            }
        }
        self.byName = byName
        self.byCommand = byCommand
    }

    /// The thirteen families teamsh ships (Families/).
    public static let standard = PolicyCatalog(PolicyFamilies.all)

    /// This catalog with one more type (replacing a type of the same name).
    public func adding(_ descriptor: PolicyTypeDescriptor) -> PolicyCatalog {
        PolicyCatalog(descriptors.filter { $0.name.lowercased() != descriptor.name.lowercased() } + [descriptor])
    }

    /// A type by name, case-insensitively.
    public func descriptor(named name: String) -> PolicyTypeDescriptor? {
        byName[name.lowercased()].map { descriptors[$0] }
    }

    /// The type and verb of a policy cmdlet name (`Grant-CsTeamsMeetingPolicy`), or nil.
    public func policyCmdlet(named commandName: String) -> (PolicyTypeDescriptor, PolicyCmdletVerb)? {
        byCommand[CaseFolding.folded(commandName)].map { (descriptors[$0.0], $0.1) }
    }

    public static func == (a: PolicyCatalog, b: PolicyCatalog) -> Bool { a.descriptors == b.descriptors }

    public var names: [String] { descriptors.map(\.name) }
}

/// The families teamsh ships, one file each in Families/, in the catalog's rank order
/// (families.json), enhanced encryption last.
// NOTE: the order in which the service lists a user's policy types is unknown; teamsh uses the
// rank order of the facts' catalog.
public enum PolicyFamilies {
    public static let all: [PolicyTypeDescriptor] = [
        meeting, messaging, calling, appSetup, appPermission, onlineVoiceRouting, tenantDialPlan, channels,
        updateManagement, meetingBroadcast, events, feedback, enhancedEncryption,
    ]
}
