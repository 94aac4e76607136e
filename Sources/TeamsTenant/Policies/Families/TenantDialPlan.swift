// The TenantDialPlan family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 5 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TenantDialPlan (families.json rank 7): proxy functions.
    /// Global values not found. Normalization rules are objects (create with New-CsVoiceNormalizationRule
    /// -Parent <plan> -Name <n> ... -InMemory, the only cmdlet that kept -InMemory in 4.0.0).
    /// ExternalAccessPrefix and OptimizeDeviceDialing are still in the 7.7.0 list view but their parameters
    /// were removed in 5.6.1-preview/5.7.0. Max 50 rules per plan (docs).
    public static let tenantDialPlan = PolicyTypeDescriptor(
        name: "TenantDialPlan",
        objectTypeName: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Voice.TenantDialPlan",
        settings: [
            // NOTE: Global value unknown; chosen: "" (empty).
            .text("Description", "", .chosen, configuration: false),
            // NOTE: Global value unknown; chosen: [] (a new tenant has no normalization rules).
            .objectList("NormalizationRules", .normalizationRule, [], .chosen, parameterType: "System.Object"),
            // NOTE: Global value unknown; chosen: "" (read-only since 5.7.0; empty).
            .text("ExternalAccessPrefix", "", .chosen, readOnly: true),
            // NOTE: Global value unknown; chosen: "DefaultTenantDialPlan" (the name a new tenant shows for its
            // default plan).
            .text("SimpleName", "DefaultTenantDialPlan", .chosen, defaultsToName: true),
            // NOTE: Global value unknown; chosen: false (read-only since 5.7.0; off).
            .boolean("OptimizeDeviceDialing", false, .chosen, readOnly: true),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]))
    )
}
