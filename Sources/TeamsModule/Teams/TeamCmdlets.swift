import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// The team objects and their views (the docs of Get-Team and Get-TeamUser).
enum TeamObjects {
    static let teamTypeName = "Microsoft.TeamsCmdlets.PowerShell.Custom.Model.TeamSettings"
    static let userTypeName = "Microsoft.TeamsCmdlets.PowerShell.Custom.Model.TeamUser"

    static func team(_ g: TenantGroup) -> Value {
        .object(PSCustomObject([
            ("GroupId", .string(g.objectId)), ("DisplayName", .string(g.displayName)), ("Visibility", .string(g.visibility)),
            ("Archived", .bool(g.archived)), ("MailNickName", .string(g.mailNickName)),
            ("Description", g.description.map { .string($0) } ?? .null),
        ], typeName: teamTypeName))
    }

    static func user(_ m: TeamMember) -> Value {
        .object(PSCustomObject([
            ("UserId", .string(m.userId)), ("User", .string(m.user)), ("Name", .string(m.name)), ("Role", .string(m.role)),
        ], typeName: userTypeName))
    }

    static func registerViews(_ registry: FormatViewRegistry) {
        registry.register(FormatViewDefinition(name: "TeamSettings", typeNames: [teamTypeName], control: .table(TableViewDefinition(columns: [
            .property("GroupId"), .property("DisplayName"), .property("Visibility"), .property("Archived"), .property("MailNickName"),
            .property("Description"),
        ]))))
    }
}

/// `Get-Team [-GroupId <id>] [-User <u>] [-Archived <bool>] [-Visibility <v>] [-DisplayName <text>] [-MailNickName <text>]`
final class GetTeamCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        let b = rt.bound
        do {
            let filter = TeamFilter(user: b.string("User"), archived: b["Archived"].map(Conversion.toBool), visibility: b.string("Visibility"),
                                    displayName: b.string("DisplayName"), mailNickName: b.string("MailNickName"))
            if let groupId = b.string("GroupId") {
                let team = try tenant.team(groupId)
                if try tenant.teams(filter).contains(where: { $0.objectId == team.objectId }) { try rt.writeObject(TeamObjects.team(team)) }
                return
            }
            for team in try tenant.teams(filter) { try rt.writeObject(TeamObjects.team(team)) }
        } catch let error as TenantError {
            try rt.writeTenantError(error, target: .string(b.string("GroupId") ?? b.string("User") ?? ""))
        }
    }
}

/// `New-Team -DisplayName <name> [-Description] [-MailNickName] [-Visibility] [-Owner]`, or
/// `New-Team -GroupId <id> [-Owner]` for an existing group: writes the team.
final class NewTeamCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let b = rt.bound
        var made: TenantGroup?
        if let groupId = b.string("GroupId") {
            let owner = b.string("Owner")
            try change(rt, target: groupId) { world, validateOnly in
                let group = try world.tenant.requireGroup(groupId)
                var team = group
                team.isTeam = true
                made = try world.tenant.addTeam(team, validateOnly: validateOnly)
                if let owner { try world.tenant.addTeamUser(group.objectId, user: owner, owner: true, validateOnly: validateOnly) }
            }
        } else {
            let name = b.string("DisplayName") ?? ""
            try change(rt, target: name) { world, validateOnly in
                made = try world.newTeam(displayName: name, mailNickName: b.string("MailNickName"), description: b.string("Description"),
                                         visibility: b.string("Visibility"), owner: b.string("Owner"), validateOnly: validateOnly)
            }
        }
        if let made, let team = try? rt.layer.world.tenant.team(made.objectId) { try rt.writeObject(TeamObjects.team(team)) }
    }
}

/// `Remove-Team -GroupId <id>`
final class RemoveTeamCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let groupId = rt.bound.string("GroupId") ?? ""
        try change(rt, target: groupId) { world, validateOnly in try world.tenant.removeTeam(groupId, validateOnly: validateOnly) }
    }
}

/// `Add-TeamUser -GroupId <id> -User <u> [-Role Member|Owner]`
final class AddTeamUserCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let groupId = rt.bound.string("GroupId") ?? "", user = rt.bound.string("User") ?? ""
        let owner = rt.bound.string("Role")?.lowercased() == "owner"
        try change(rt, target: user) { world, validateOnly in
            try world.tenant.addTeamUser(groupId, user: user, owner: owner, validateOnly: validateOnly)
        }
    }
}

/// `Get-TeamUser -GroupId <id> [-Role Member|Owner]`
final class GetTeamUserCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let groupId = rt.bound.string("GroupId") ?? ""
        do {
            for member in try rt.layer.world.tenant.teamUsers(groupId, role: rt.bound.string("Role")) {
                try rt.writeObject(TeamObjects.user(member))
            }
        } catch let error as TenantError {
            try rt.writeTenantError(error, target: .string(groupId))
        }
    }
}

/// `Remove-TeamUser -GroupId <id> -User <u> [-Role Owner]`
final class RemoveTeamUserCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let groupId = rt.bound.string("GroupId") ?? "", user = rt.bound.string("User") ?? ""
        let ownerOnly = rt.bound.string("Role")?.lowercased() == "owner"
        try change(rt, target: user) { world, validateOnly in
            try world.tenant.removeTeamUser(groupId, user: user, ownerOnly: ownerOnly, validateOnly: validateOnly)
        }
    }
}
