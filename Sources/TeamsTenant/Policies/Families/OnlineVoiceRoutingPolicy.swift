// The OnlineVoiceRoutingPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 3 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// OnlineVoiceRoutingPolicy (families.json rank 6): proxy functions.
    /// Global values not found in any source (the export did not include this resource). Direct Routing
    /// only; a usable policy needs PSTN usages that exist (Set-CsOnlinePstnUsage) and voice routes.
    /// RouteType is documented as internal.
    public static let onlineVoiceRouting = PolicyTypeDescriptor(
        name: "OnlineVoiceRoutingPolicy",
        objectTypeName: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Voice.OnlineVoiceRoutingPolicy",
        settings: [
            // NOTE: Global value unknown; chosen: [] (a new tenant has no PSTN usages).
            .stringList("OnlinePstnUsages", [], .chosen, parameterType: "System.Object"),
            // NOTE: Global value unknown; chosen: "" (empty).
            .text("Description", "", .chosen, configuration: false),
            // NOTE: Global value unknown; chosen: "BYOT" (Direct Routing (bring your own trunk), the only route
            // type the policy serves).
            .text("RouteType", "BYOT", .chosen),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0])),
        // Microsoft365DSC's resource for Get-/Set-CsOnlineVoiceRoutingPolicy (MSFT_TeamsVoiceRoutingPolicy).
        microsoft365DSCResource: "TeamsVoiceRoutingPolicy"
    )
}
