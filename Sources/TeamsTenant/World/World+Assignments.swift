import Foundation

/// World operations of the policy families that need the clock or the generator: batch
/// assignment operations and new teams.
extension World {
    /// The tenant's policy types, read without copying the tenant.
    public var catalog: PolicyCatalog { tenant.catalog }

    /// `New-CsBatchPolicyAssignmentOperation`: runs the batch now and returns it (its id comes from
    /// the world's generator, its times from the simulated clock).
    @discardableResult
    public func runBatchAssignment(
        policyType: String, policyName: String?, identities: [String], operationName: String,
        validateOnly: Bool = false
    ) throws -> BatchPolicyAssignmentOperation {
        var generator = random
        let operationId = generator.nextGuid()
        let operation = try tenant.runBatch(
            operationId: operationId, operationName: operationName, policyType: policyType, policyName: policyName,
            identities: identities, at: machine.currentTime, validateOnly: validateOnly)
        if !validateOnly {
            random = generator
            tick()
        }
        return operation
    }

    /// `New-Team -DisplayName …`: a new group backing a team, its id from the generator, its mail
    /// in the tenant's initial domain.
    // NOTE: the service makes the signed-in admin an owner when no -Owner is given; the simulated
    // admin is not a user of the tenant, so such a team starts without owners.
    @discardableResult
    public func newTeam(
        displayName: String, mailNickName: String?, description: String?, visibility: String?, owner: String?,
        validateOnly: Bool = false
    ) throws -> TenantGroup {
        var generator = random
        let nick = mailNickName ?? World.nickName(from: displayName)
        let team = TenantGroup(
            objectId: generator.nextGuid(), displayName: displayName, mail: nick + "@" + tenant.initialDomain,
            description: description, members: [], isTeam: true, visibility: World.visibility(visibility),
            mailNickName: nick, owners: owner.map { [$0] } ?? [])
        let added = try tenant.addTeam(team, validateOnly: validateOnly)
        if !validateOnly {
            random = generator
            tick()
        }
        return added
    }

    /// `Public`, `Private` or `HiddenMembership` in that case; Private when not given.
    static func visibility(_ text: String?) -> String {
        guard let text else { return "Private" }
        return ["Public", "Private", "HiddenMembership"].first { $0.lowercased() == text.lowercased() } ?? text
    }

    /// A mail nickname from a display name: its letters and digits.
    // NOTE: the service picks its own nickname when none is given; teamsh keeps the display name's
    // letters and digits, which is stable.
    static func nickName(from displayName: String) -> String {
        let kept = displayName.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return kept.isEmpty ? "team" : kept
    }

    /// MicrosoftTeams' exports are a property of the module version, not of the machine: a world
    /// file saved by an older teamsh lists fewer commands, so they are taken afresh from the
    /// release table when the file loads.
    public func refreshMicrosoftTeamsExports() {
        let name = MicrosoftTeamsReleases.moduleName.lowercased()
        let catalog = tenant.catalog
        for position in installedModules.indices where installedModules[position].name.lowercased() == name {
            let version = installedModules[position].version
            installedModules[position].exportList = ModuleExports(release: version, catalog: catalog)
        }
        if let position = gallery.modules.firstIndex(where: { $0.name.lowercased() == name }) {
            for index in gallery.modules[position].versions.indices {
                let version = gallery.modules[position].versions[index].version
                gallery.modules[position].versions[index].exportList = ModuleExports(release: version, catalog: catalog)
            }
        }
    }
}
