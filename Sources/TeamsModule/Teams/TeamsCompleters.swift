import PowerShellRuntime
import PowerShellCmdlets
import TeamsTenant

/// Tab completion of tenant names for the Teams cmdlets: policy identities (`Global`,
/// `Tag:Name`) for each policy cmdlet's `-Identity`, its type's tag names for `-PolicyName`,
/// policy types for `-PolicyType`, users' UPNs and group ids where a user or group is expected.
/// Known setting values complete from the parameters' ValidateSet. Registered with the
/// session's ArgumentCompleterRegistry for every type of the world's catalog; the values come
/// from the session's world when Tab is pressed.
enum TeamsCompleters {
    static func register(in context: ExecutionContext, catalog: PolicyCatalog) {
        let registry = ArgumentCompleterRegistry.of(context)
        for descriptor in catalog.descriptors {
            let noun = descriptor.cmdletNoun
            registry.register(commands: ["Get-" + noun, "Set-" + noun, "Remove-" + noun], parameter: "Identity") { request in
                ArgumentCompleterRegistry.values(instances(descriptor, request.context).map(\.identity.description),
                                                 matching: request.wordToComplete)
            }
            registry.register(commands: ["Grant-" + noun], parameter: "PolicyName") { request in
                ArgumentCompleterRegistry.values(tagNames([descriptor], request.context), matching: request.wordToComplete)
            }
            registry.register(commands: ["Grant-" + noun], parameter: "Identity", userNames)
            registry.register(commands: ["Grant-" + noun], parameter: "Group", groupIds)
        }
        registry.register(commands: ["Get-CsOnlineUser", "Get-CsUserPolicyAssignment", "Get-Team"], parameter: "Identity", userNames)
        registry.register(commands: ["Get-Team", "Add-TeamUser", "Remove-TeamUser"], parameter: "User", userNames)
        registry.register(commands: ["New-CsBatchPolicyAssignmentOperation"], parameter: "Identity", userNames)
        let groupCommands = ["Get-CsGroupPolicyAssignment", "New-CsGroupPolicyAssignment", "Set-CsGroupPolicyAssignment",
                             "Remove-CsGroupPolicyAssignment"]
        registry.register(commands: groupCommands + ["Get-Team", "Remove-Team", "Add-TeamUser", "Get-TeamUser", "Remove-TeamUser"],
                          parameter: "GroupId", groupIds)
        registry.register(commands: ["Get-CsGroupPolicyAssignment", "Get-CsUserPolicyAssignment"], parameter: "PolicyType") { request in
            ArgumentCompleterRegistry.values(catalog.names, matching: request.wordToComplete)
        }
        registry.register(commands: Array(groupCommands.dropFirst()), parameter: "PolicyType") { request in
            ArgumentCompleterRegistry.values(catalog.descriptors.filter(\.assignment.groupPolicyAssignment).map(\.name),
                                             matching: request.wordToComplete)
        }
        registry.register(commands: ["New-CsBatchPolicyAssignmentOperation"], parameter: "PolicyType") { request in
            ArgumentCompleterRegistry.values(catalog.descriptors.filter(\.assignment.batchAssignment).map(\.name),
                                             matching: request.wordToComplete)
        }
        registry.register(commands: ["New-CsGroupPolicyAssignment", "Set-CsGroupPolicyAssignment", "New-CsBatchPolicyAssignmentOperation"],
                          parameter: "PolicyName") { request in
            ArgumentCompleterRegistry.values(tagNames(catalog.descriptors, request.context), matching: request.wordToComplete)
        }
    }

    private static func tenant(_ context: ExecutionContext) -> Tenant? {
        ModuleLayer.of(context)?.world.tenant
    }

    private static func instances(_ descriptor: PolicyTypeDescriptor, _ context: ExecutionContext) -> [PolicyInstance] {
        (try? tenant(context)?.policies(ofType: descriptor.name)) ?? []
    }

    /// The names `-PolicyName` takes for these types (no Global), each once.
    private static func tagNames(_ descriptors: [PolicyTypeDescriptor], _ context: ExecutionContext) -> [String] {
        var seen = Set<String>()
        return descriptors.flatMap { instances($0, context) }.filter { !$0.identity.isGlobal }.map(\.identity.name)
            .filter { seen.insert($0.lowercased()).inserted }
    }

    private static func userNames(_ request: ArgumentCompletionRequest) -> [CompletionResult] {
        let names = tenant(request.context)?.users.map(\.userPrincipalName) ?? []
        return ArgumentCompleterRegistry.values(names, matching: request.wordToComplete)
    }

    private static func groupIds(_ request: ArgumentCompletionRequest) -> [CompletionResult] {
        let groups = tenant(request.context)?.groups ?? []
        let pattern = WildcardPattern(request.wordToComplete + "*")
        return groups.filter { pattern.matches($0.objectId) || pattern.matches($0.displayName) }.map {
            CompletionResult($0.objectId, listItemText: $0.displayName, type: .ParameterValue, toolTip: $0.displayName)
        }
    }
}
