import Foundation
import PowerShellRuntime
import TeamsTenant

/// Connect-MicrosoftTeams failures. The real texts come from Azure AD (`AADSTS…`); the admin
/// check's text is the simulator's (the service's wording is unknown), kept in this one table.
enum ConnectError {
    static func unknownAccount(_ account: String, _ tenant: Tenant) -> String {
        "AADSTS50034: The user account \(account) does not exist in the \(tenant.initialDomain) directory. To sign into this application, the account must be added to the directory."
    }

    static func unknownTenant(_ id: String) -> String {
        "AADSTS90002: Tenant '\(id)' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
    }

    // NOTE: simulated text; the real service signs non-admins in and refuses their cmdlets.
    static func notAdmin(_ account: String) -> String {
        "The account '\(account)' is not a Teams Administrator or Global Administrator of this tenant, so it cannot manage Teams."
    }
}

/// `Connect-MicrosoftTeams`: signs in (interactive account, -Credential, -AccountId,
/// certificate app, managed identity, access tokens) and writes the context object of spec §3.
final class ConnectMicrosoftTeamsCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let tenant = layer.world.tenant
        if let id = rt.bound.string("TenantId") {
            let known = [tenant.tenantId] + tenant.verifiedDomains
            guard known.contains(where: { $0.caseInsensitiveCompare(id) == .orderedSame }) else {
                try fail(rt, ConnectError.unknownTenant(id))
                return
            }
        }
        var account = tenant.adminAccount
        switch rt.bound.parameterSetName {
        case "ServicePrincipalCertificate", "ServicePrincipalCertificateThumbprint":
            account = rt.bound.string("ApplicationId") ?? account
        case "ManagedServiceLogin":
            account = rt.bound.string("AccountId") ?? "MSI@50342"
        case "AccessTokens":
            account = tenant.adminAccount
        default:
            if let credential = rt.bound["Credential"], !credential.isNull {
                account = Conversion.toString((try Members.getProperty(credential, "UserName", hooks: rt.context.hooks)) ?? .null)
            } else if let id = rt.bound.string("AccountId") {
                account = id
            }
            guard let user = tenant.findUser(account) else {
                if account.caseInsensitiveCompare(tenant.adminAccount) == .orderedSame { break }
                try fail(rt, ConnectError.unknownAccount(account, tenant))
                return
            }
            guard isAdmin(user, tenant) else {
                try fail(rt, ConnectError.notAdmin(account))
                return
            }
            account = user.userPrincipalName
        }
        guard try rt.shouldProcess(target: tenant.tenantId, action: "Connect-MicrosoftTeams") else { return }
        let environment = rt.bound.string("TeamsEnvironmentName") ?? tenant.environment
        layer.connection = TeamsConnection(account: account, environment: environment, tenantId: tenant.tenantId)
        try rt.writeObject(.object(PSCustomObject([
            ("Account", .string(account)), ("Environment", .string(environment)),
            ("Tenant", .string(tenant.tenantId)), ("TenantId", .string(tenant.tenantId)),
        ], typeName: "Microsoft.Open.Teams.CommonLibrary.PSAzureContext")))
    }

    private func isAdmin(_ user: TenantUser, _ tenant: Tenant) -> Bool {
        user.userPrincipalName.caseInsensitiveCompare(tenant.adminAccount) == .orderedSame
            || user.adminRoles.contains { ["teams administrator", "global administrator", "teams service administrator", "teams communications administrator"].contains($0.lowercased()) }
    }

    private func fail(_ rt: CommandRuntime, _ message: String) throws {
        try rt.throwTerminating(rt.makeError(.exception, message, errorId: "Connect-MicrosoftTeams", category: .AuthenticationError))
    }
}

/// `Disconnect-MicrosoftTeams`: silent; `*-Cs*` cmdlets refuse again afterwards.
final class DisconnectMicrosoftTeamsCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard try rt.shouldProcess(target: "Microsoft Teams", action: "Disconnect-MicrosoftTeams") else { return }
        layer.connection = nil
    }
}
