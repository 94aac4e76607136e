import Foundation

/// One line of Get-TeamUser: a member or owner of a team.
public struct TeamMember: Equatable, Sendable {
    public let userId: String
    /// The user's UPN.
    public let user: String
    public let name: String
    /// `owner` or `member`, in lower case as the module writes it.
    public let role: String
}

/// What Get-Team filters on (each nil when not given).
public struct TeamFilter: Sendable {
    public var user: String?
    public var archived: Bool?
    public var visibility: String?
    /// Part of the display name, case-insensitively (the docs: a filter, not an exact match).
    public var displayName: String?
    public var mailNickName: String?

    public init(user: String? = nil, archived: Bool? = nil, visibility: String? = nil, displayName: String? = nil,
                mailNickName: String? = nil) {
        self.user = user
        self.archived = archived
        self.visibility = visibility
        self.displayName = displayName
        self.mailNickName = mailNickName
    }
}

/// Teams are the tenant's groups that back a team (docs of Get-Team, New-Team, Add-TeamUser,
/// Get-TeamUser, Remove-TeamUser, Remove-Team). Members of a team are members of its group, so a
/// policy assigned to the group reaches them.
extension Tenant {
    /// The teams that pass the filter, in group order.
    public func teams(_ filter: TeamFilter = TeamFilter()) throws -> [TenantGroup] {
        let userId = try filter.user.map { try requireUser($0).objectId.lowercased() }
        return groups.filter { group in
            guard group.isTeam else { return false }
            if let userId, !group.members.contains(where: { $0.lowercased() == userId }) { return false }
            if let archived = filter.archived, group.archived != archived { return false }
            if let visibility = filter.visibility, group.visibility.lowercased() != visibility.lowercased() { return false }
            if let name = filter.displayName, !name.isEmpty,
                group.displayName.range(of: name, options: .caseInsensitive) == nil
            { return false }
            if let nick = filter.mailNickName, !nick.isEmpty,
                group.mailNickName.range(of: nick, options: .caseInsensitive) == nil
            { return false }
            return true
        }
    }

    /// The team a group id (or the group's mail or name) names, or `teamNotFound`.
    public func team(_ groupId: String) throws -> TenantGroup {
        guard let position = groupPosition(groupId), groups[position].isTeam else {
            throw TenantError.teamNotFound(groupId: groupId)
        }
        return groups[position]
    }

    func requireTeamPosition(_ groupId: String) throws -> Int {
        guard let position = groupPosition(groupId), groups[position].isTeam else {
            throw TenantError.teamNotFound(groupId: groupId)
        }
        return position
    }

    /// New-Team: adds the team's group (its id comes from the caller), or, for an existing group
    /// (`-GroupId`), makes it a team. Refuses a mail nickname in use.
    @discardableResult
    public mutating func addTeam(_ team: TenantGroup, validateOnly: Bool = false) throws -> TenantGroup {
        if let existing = groupPosition(team.objectId) {
            if validateOnly { return groups[existing] }
            updateGroup(at: existing) { $0.isTeam = true }
            return groups[existing]
        }
        let nick = team.mailNickName.lowercased()
        if groups.contains(where: { $0.mailNickName.lowercased() == nick }) {
            throw TenantError.duplicateMailNickName(team.mailNickName)
        }
        var group = team
        group.members = try group.members.map { try requireUser($0).objectId }
        group.owners = try group.owners.map { try requireUser($0).objectId }
        for owner in group.owners where !group.members.contains(owner) { group.members.append(owner) }
        if validateOnly { return group }
        try addGroup(group)
        return group
    }

    /// Remove-Team: the team and its group go, with the group's policy assignments.
    public mutating func removeTeam(_ groupId: String, validateOnly: Bool = false) throws {
        let position = try requireTeamPosition(groupId)
        if !validateOnly { removeGroup(at: position) }
    }

    /// Add-TeamUser: a member, or (role `Owner`) an owner, who is a member too.
    public mutating func addTeamUser(_ groupId: String, user: String, owner: Bool, validateOnly: Bool = false) throws {
        let position = try requireTeamPosition(groupId)
        let userId = try requireUser(user).objectId
        if validateOnly { return }
        if !groups[position].members.contains(userId) { try addMember(userId, toGroup: groups[position].objectId) }
        if owner, !groups[position].owners.contains(userId) { updateGroup(at: position) { $0.owners.append(userId) } }
    }

    /// Remove-TeamUser: with role `Owner` the user stops being an owner but stays a member;
    /// without, the user leaves the team. The last owner cannot be removed (the docs).
    public mutating func removeTeamUser(_ groupId: String, user: String, ownerOnly: Bool, validateOnly: Bool = false)
        throws
    {
        let position = try requireTeamPosition(groupId)
        let found = try requireUser(user)
        let group = groups[position]
        guard group.members.contains(found.objectId) || group.owners.contains(found.objectId) else {
            throw TenantError.notTeamMember(user: user, groupId: group.objectId)
        }
        if group.owners == [found.objectId] { throw TenantError.lastTeamOwner(user: found.userPrincipalName) }
        if validateOnly { return }
        updateGroup(at: position, reindex: !ownerOnly) { group in
            group.owners.removeAll { $0 == found.objectId }
            if !ownerOnly { group.members.removeAll { $0 == found.objectId } }
        }
    }

    /// Get-TeamUser: owners first, then the other members, each in the order they joined
    /// (optionally only one role).
    public func teamUsers(_ groupId: String, role: String? = nil) throws -> [TeamMember] {
        let group = try team(groupId)
        var rows: [TeamMember] = []
        let wanted = role?.lowercased()
        for id in group.owners where wanted == nil || wanted == "owner" {
            if let user = findUser(id) { rows.append(TeamMember(userId: id, user: user.userPrincipalName, name: user.displayName, role: "owner")) }
        }
        for id in group.members where !group.owners.contains(id) && (wanted == nil || wanted == "member") {
            if let user = findUser(id) { rows.append(TeamMember(userId: id, user: user.userPrincipalName, name: user.displayName, role: "member")) }
        }
        return rows
    }
}
