// The TeamsAppPermissionPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
extension PolicyFamilies {
    /// TeamsAppPermissionPolicy (families.json rank 5): binary cmdlets.
    /// Cannot be assigned with New-CsGroupPolicyAssignment (docs exclusion; also missing from the
    /// Get-CsGroupPolicyAssignment -PolicyType list) although Grant-CsTeamsAppPermissionPolicy documents a
    /// GrantToGroup set; app-centric management in the admin center is replacing it.
    public static let appPermission = PolicyTypeDescriptor(
        name: "TeamsAppPermissionPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsAppPermissionPolicy",
        settings: [
            .objectList("DefaultCatalogApps", .defaultCatalogApp, [], .derived),
            .objectList("GlobalCatalogApps", .globalCatalogApp, [], .singleSource),
            .objectList("PrivateCatalogApps", .privateCatalogApp, [], .singleSource),
            .text("Description", "", .derived, configuration: false),
            // NOTE: sources disagree (tenantExport "BlockedAppList", cmdletDocExampleOutput "AllowedAppList"); the
            // facts chose "BlockedAppList".
            .choice("DefaultCatalogAppsType", ["AllowedAppList", "BlockedAppList"], "BlockedAppList", .conflict),
            // NOTE: sources disagree (tenantExport "BlockedAppList", cmdletDocExampleOutput "AllowedAppList"); the
            // facts chose "BlockedAppList".
            .choice("GlobalCatalogAppsType", ["AllowedAppList", "BlockedAppList"], "BlockedAppList", .conflict),
            // NOTE: sources disagree (tenantExport "BlockedAppList", cmdletDocExampleOutput "AllowedAppList"); the
            // facts chose "BlockedAppList".
            .choice("PrivateCatalogAppsType", ["AllowedAppList", "BlockedAppList"], "BlockedAppList", .conflict),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .grant, .new, .remove, .set], binarySince: ModuleVersion([5, 2, 0])),
        assignment: PolicyAssignmentRules(groupPolicyAssignment: false, batchAssignment: true)
    )
}
