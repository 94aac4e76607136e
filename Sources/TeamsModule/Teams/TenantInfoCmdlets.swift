import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// `Get-CsTenant`: the tenant's name, id and domains (the docs of Get-CsTenant; scripts read
/// `(Get-CsTenant).TenantId` and `(Get-CsTenant).VerifiedDomains.Name`).
// NOTE: the real object has some fifty properties (address, plans, provisioning stamps, …) that
// the simulated tenant does not hold; teamsh gives the ones it knows, in alphabetical order as the
// module's list shows them. Each verified domain's Status is `Enabled` (the value other states are
// reported with is not known).
enum TenantInfoObjects {
    // NOTE: the docs' OUTPUTS name; the modern module's generated model class is not known.
    static let typeName = "Microsoft.Rtc.Management.ADConnect.Schema.TenantObject"
    static let domainTypeName = "Microsoft.Rtc.Management.ADConnect.Schema.VerifiedDomain"

    static func tenant(_ t: Tenant) -> Value {
        let domains = t.verifiedDomains.map { name in
            Value.object(VerifiedDomainObject(name: name))
        }
        return .object(PSCustomObject([
            ("DisplayName", .string(t.displayName)),
            ("SipDomain", .object(PSArray(t.verifiedDomains.map { .string($0) }))),
            ("TeamsUpgradeEffectiveMode", .string("TeamsOnly")),
            ("TenantId", .string(t.tenantId)),
            ("VerifiedDomains", .object(PSArray(domains))),
        ], typeName: typeName))
    }

    static func registerViews(_ registry: FormatViewRegistry) {
        registry.register(FormatViewDefinition(name: "TenantObject", typeNames: [typeName], control: .list([
            .property("DisplayName"), .property("SipDomain"), .property("TeamsUpgradeEffectiveMode"), .property("TenantId"),
            .property("VerifiedDomains"),
        ])))
    }
}

/// One verified domain: Name and Status; prints as its name inside the tenant's list.
final class VerifiedDomainObject: PSNativeObject {
    let name: String

    init(name: String) {
        self.name = name
    }

    override var typeFullName: String { TenantInfoObjects.domainTypeName }
    override var propertyNames: [String] { ["Name", "Status"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "name": return .string(self.name)
        case "status": return .string("Enabled")
        default: return nil
        }
    }

    override func toPSString() -> String { name }
}

/// `Get-CsTenant`
final class GetCsTenantCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try rt.writeObject(TenantInfoObjects.tenant(try rt.layer.world.tenant))
    }
}
