import PowerShellRuntime
import PowerShellCmdlets
import TeamsTenant

/// Tab completion of tenant names for the Teams cmdlets: policy identities (`Global`,
/// `Tag:Name`) for the policy cmdlets' `-Identity`, tag names for `-PolicyName`, users' UPNs
/// and group ids where a user or group is expected. Registered with the session's
/// ArgumentCompleterRegistry; the values come from the session's world when Tab is pressed.
enum TeamsCompleters {
    static func register(in context: ExecutionContext) {
        let registry = ArgumentCompleterRegistry.of(context)
        for descriptor in PolicyTypeRegistry.all {
            let noun = descriptor.cmdletNoun
            registry.register(commands: ["Get-" + noun, "Set-" + noun, "Remove-" + noun], parameter: "Identity") { request in
                ArgumentCompleterRegistry.values(instances(descriptor, request.context).map(\.identity.description),
                                                 matching: request.wordToComplete)
            }
            registry.register(commands: ["Grant-" + noun], parameter: "PolicyName") { request in
                let names = instances(descriptor, request.context).filter { !$0.identity.isGlobal }.map(\.identity.name)
                return ArgumentCompleterRegistry.values(names, matching: request.wordToComplete)
            }
            registry.register(commands: ["Grant-" + noun], parameter: "Identity", userNames)
            registry.register(commands: ["Grant-" + noun], parameter: "Group", groupIds)
        }
        registry.register(commands: ["Get-CsOnlineUser", "Get-CsUserPolicyAssignment"], parameter: "Identity", userNames)
        registry.register(commands: ["Get-CsGroupPolicyAssignment", "New-CsGroupPolicyAssignment", "Set-CsGroupPolicyAssignment",
                                     "Remove-CsGroupPolicyAssignment"], parameter: "GroupId", groupIds)
        registry.register(commands: ["Get-CsGroupPolicyAssignment", "New-CsGroupPolicyAssignment", "Set-CsGroupPolicyAssignment",
                                     "Remove-CsGroupPolicyAssignment", "Get-CsUserPolicyAssignment"], parameter: "PolicyType") { request in
            ArgumentCompleterRegistry.values(PolicyTypeRegistry.all.map(\.name), matching: request.wordToComplete)
        }
    }

    private static func tenant(_ context: ExecutionContext) -> Tenant? {
        ModuleLayer.of(context)?.world.tenant
    }

    private static func instances(_ descriptor: PolicyTypeDescriptor, _ context: ExecutionContext) -> [PolicyInstance] {
        (try? tenant(context)?.policies(ofType: descriptor.name)) ?? []
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
