import Foundation

/// Batch policy assignment (facts §4.5; docs of New-/Get-CsBatchPolicyAssignmentOperation) and
/// the tenant's PSTN usages.
extension Tenant {
    /// The most users one batch may hold (the docs).
    public static let maximumBatchSize = 5_000

    /// Runs a batch at once: the policy (nil or empty unassigns) to each distinct user, who must
    /// be named by object id or SIP address (with or without `sip:`; the docs warn that a UPN
    /// differing from the SIP address fails). Users not found fail alone; an unknown type or
    /// policy refuses the whole batch.
    @discardableResult
    public mutating func runBatch(
        operationId: String, operationName: String, policyType: String, policyName: String?, identities: [String],
        at time: Date, validateOnly: Bool = false
    ) throws -> BatchPolicyAssignmentOperation {
        let descriptor = try self.descriptor(policyType)
        guard descriptor.assignment.batchAssignment else { throw TenantError.batchNotSupported(policyType: descriptor.name) }
        var seen = Set<String>()
        let unique = identities.filter { seen.insert($0.trimmingWhitespace().lowercased()).inserted }
        guard unique.count <= Tenant.maximumBatchSize else {
            throw TenantError.batchTooLarge(count: unique.count, maximum: Tenant.maximumBatchSize)
        }
        let name = policyName.flatMap { $0.isEmpty ? nil : $0 }
        if let name { _ = try instanceNamed(descriptor, name) }
        var states: [BatchUserState] = []
        var done = Set<Int>()
        for identity in unique {
            guard let position = batchUserPosition(identity) else {
                states.append(BatchUserState(id: identity, result: "User not found"))
                continue
            }
            // The same user named twice (object id and SIP address) is a duplicate too.
            guard done.insert(position).inserted else { continue }
            if !validateOnly {
                updateUser(at: position) { $0.policies[descriptor.name] = name.map(PolicyIdentity.stripTagPrefix) }
            }
            states.append(BatchUserState(id: identity, result: "Success"))
        }
        let operation = BatchPolicyAssignmentOperation(
            operationId: operationId, operationName: operationName, policyType: descriptor.name, policyName: name,
            overallStatus: "Completed", createdTime: time, createdBy: adminObjectId, completedTime: time,
            userState: states)
        if !validateOnly { batchOperations.append(operation) }
        return operation
    }

    /// A user by object id or SIP address only.
    private func batchUserPosition(_ identity: String) -> Int? {
        let folded = identity.trimmingWhitespace().lowercased()
        guard let position = userPosition(folded) else { return nil }
        let user = users[position]
        let sip = user.sipAddress.lowercased()
        return folded == user.objectId.lowercased() || folded == sip || "sip:" + folded == sip ? position : nil
    }

    /// Batch operations, optionally only those with an overall status (`Completed`).
    public func batchOperations(status: String? = nil) -> [BatchPolicyAssignmentOperation] {
        guard let status else { return batchOperations }
        return batchOperations.filter { $0.overallStatus.lowercased() == status.lowercased() }
    }

    /// One batch operation by id, or `batchOperationNotFound`.
    public func batchOperation(_ operationId: String) throws -> BatchPolicyAssignmentOperation {
        let folded = operationId.trimmingWhitespace().lowercased()
        guard let operation = batchOperations.first(where: { $0.operationId.lowercased() == folded }) else {
            throw TenantError.batchOperationNotFound(operationId: operationId)
        }
        return operation
    }

    // MARK: PSTN usages

    /// Set-CsOnlinePstnUsage -Usage: a list replaces the usages, a PSListModifier adds and removes.
    public mutating func setPstnUsages(_ change: PolicySettingChange) {
        switch change {
        case .value(let value):
            pstnUsages = value.listItems.map(\.description)
        case .modify(let add, let remove, let replace):
            var usages = replace.map { $0.map(\.description) } ?? pstnUsages
            for item in add.map(\.description) where !usages.contains(where: { $0.lowercased() == item.lowercased() }) {
                usages.append(item)
            }
            let removed = Set(remove.map { $0.description.lowercased() })
            usages.removeAll { removed.contains($0.lowercased()) }
            pstnUsages = usages
        }
    }
}
