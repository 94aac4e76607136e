/// Every way an operation on the simulated tenant can be refused. An operation that throws has
/// changed nothing. The PowerShell layer turns these into non-terminating errors of the command
/// that called it, with `message` as the text.
///
/// The real service's text is unknown for most cases (facts §3.4); the simulator's texts (spec §3)
/// live in `message` below, one table, so they are easy to correct.
public enum TenantError: Error, Equatable, Sendable {
    /// Get/Set/Remove of an identity that does not exist; carries `Tag:Name` or `Global`.
    case policyNotFound(identity: String)
    /// Grant of a `-PolicyName` that does not exist; carries the name as given.
    case policyNameNotFound(name: String)
    case policyAlreadyExists(identity: String)
    case policyNameContainsSpaces(name: String)
    case invalidPolicyIdentity(text: String)
    /// Set or Remove of a Microsoft-provided instance.
    case presetIsReadOnly(identity: String)
    case unknownPolicyType(name: String)
    case unknownSetting(policyType: String, setting: String)
    case invalidSettingValue(setting: String, value: String, allowed: [String])
    case userNotFound(identity: String)
    case groupNotFound(identity: String)
    case tooManyGroupAssignments(policyType: String, maximum: Int)
    case groupAssignmentExists(group: String, policyType: String)
    case groupAssignmentNotFound(group: String, policyType: String)
    case invalidRank(Int)
    /// The client setting is not offered under the user's effective policy.
    case clientSettingUnavailable(user: String, setting: String, policy: String)
    case callNotFound(callId: String)
    case callAlreadyEnded(callId: String)
    case callToSelf(user: String)
    case unknownCallFeature(name: String)
    case featureUnavailableInEncryptedCall(feature: String)
    case duplicateUser(identity: String)
    /// A value of the wrong kind for a setting (from a world file or inside an object list).
    case invalidSettingType(setting: String, value: String, typeName: String)
    /// New-/Set-CsGroupPolicyAssignment of a type the docs exclude.
    case groupAssignmentNotSupported(policyType: String)
    /// New-CsBatchPolicyAssignmentOperation of a type not in its documented list.
    case batchNotSupported(policyType: String)
    case batchTooLarge(count: Int, maximum: Int)
    case batchOperationNotFound(operationId: String)
    /// A group that does not back a team (Get-Team, Add-TeamUser).
    case teamNotFound(groupId: String)
    case lastTeamOwner(user: String)
    case notTeamMember(user: String, groupId: String)
    case duplicateMailNickName(String)

    /// The text the error shows.
    public var message: String {
        switch self {
        case .policyNotFound(let identity):
            return "[ClientError] : \"\(identity)\" not found"
        case .policyNameNotFound(let name):
            return "[ClientError] : \"\(name)\" not found"
        case .policyAlreadyExists(let identity):
            return "[ClientError] : Policy \"\(identity)\" already exists"
        case .policyNameContainsSpaces:
            return "[ClientError] : Policy names cannot contain spaces"
        case .invalidPolicyIdentity(let text):
            return "[ClientError] : \"\(text)\" is not a valid policy identity"
        case .presetIsReadOnly:
            return "Set or Remove host tag instance is not allowed"
        case .unknownPolicyType(let name):
            return "[ClientError] : Policy type \"\(name)\" is not supported"
        case .unknownSetting(let policyType, let setting):
            return "[ClientError] : \(policyType) has no setting \"\(setting)\""
        case .invalidSettingValue(let setting, let value, let allowed):
            // pwsh's ValidateSet text (spec §3's deliberate choice), so the model and binder agree.
            return "Cannot validate argument on parameter '\(setting)'. The argument \"\(value)\" does not belong "
                + "to the set \"\(allowed.joined(separator: ","))\" specified by the ValidateSet attribute. "
                + "Supply an argument that is in the set and then try the command again."
        case .userNotFound(let identity):
            return "[ClientError] : User \"\(identity)\" not found"
        case .groupNotFound(let identity):
            return "[ClientError] : Group \"\(identity)\" not found"
        case .tooManyGroupAssignments(let policyType, let maximum):
            return "[ClientError] : \(policyType) is already assigned to \(maximum) groups, the most allowed"
        case .groupAssignmentExists(let group, let policyType):
            return "[ClientError] : Group \"\(group)\" already has a \(policyType) assignment"
        case .groupAssignmentNotFound(let group, let policyType):
            return "[ClientError] : Group \"\(group)\" has no \(policyType) assignment"
        case .invalidRank(let rank):
            return "[ClientError] : Rank must be 1 or more, not \(rank)"
        case .clientSettingUnavailable(let user, let setting, let policy):
            return "The setting '\(setting)' is not available to \(user): their enhanced encryption policy "
                + "(\(policy)) does not let users turn it on."
        case .callNotFound(let callId):
            return "No call with id '\(callId)' was found."
        case .callAlreadyEnded(let callId):
            return "The call '\(callId)' has already ended."
        case .callToSelf(let user):
            return "\(user) cannot call themselves: a call needs two different users."
        case .unknownCallFeature(let name):
            return "'\(name)' is not a call feature."
        case .featureUnavailableInEncryptedCall(let feature):
            return "\(feature) isn't available in end-to-end encrypted calls."
        case .duplicateUser(let identity):
            return "A user with identity \"\(identity)\" already exists."
        case .invalidSettingType(let setting, let value, let typeName):
            return "Cannot convert value \"\(value)\" of \(setting) to type \"\(typeName)\"."
        case .groupAssignmentNotSupported(let policyType):
            return "[ClientError] : Policy type \"\(policyType)\" is not supported for group policy assignment"
        case .batchNotSupported(let policyType):
            return "[ClientError] : Policy type \"\(policyType)\" is not supported for batch policy assignment"
        case .batchTooLarge(let count, let maximum):
            return "[ClientError] : A batch may contain up to \(maximum) users; this one has \(count)"
        case .batchOperationNotFound(let operationId):
            return "[ClientError] : Batch operation \"\(operationId)\" not found"
        case .teamNotFound(let groupId):
            return "Team not found: no team has the group id '\(groupId)'."
        case .lastTeamOwner(let user):
            return "Last owner cannot be removed from the team: \(user) is the team's only owner."
        case .notTeamMember(let user, let groupId):
            return "User '\(user)' is not a member of the team '\(groupId)'."
        case .duplicateMailNickName:
            return "Another object with the same value for property mailNickname already exists."
        }
    }

    /// The PowerShell error category that fits (`CategoryInfo`), as plain text.
    public var category: String {
        switch self {
        case .policyNotFound, .policyNameNotFound, .userNotFound, .groupNotFound, .groupAssignmentNotFound,
            .callNotFound, .unknownPolicyType, .batchOperationNotFound, .teamNotFound, .notTeamMember:
            return "ObjectNotFound"
        case .policyAlreadyExists, .groupAssignmentExists, .duplicateUser, .duplicateMailNickName:
            return "ResourceExists"
        case .policyNameContainsSpaces, .invalidPolicyIdentity, .unknownSetting, .invalidSettingValue, .invalidRank,
            .unknownCallFeature, .callToSelf, .invalidSettingType, .groupAssignmentNotSupported, .batchNotSupported,
            .batchTooLarge:
            return "InvalidArgument"
        case .presetIsReadOnly, .tooManyGroupAssignments, .clientSettingUnavailable, .callAlreadyEnded,
            .featureUnavailableInEncryptedCall, .lastTeamOwner:
            return "InvalidOperation"
        }
    }

    /// A short stable id for FullyQualifiedErrorId.
    public var errorId: String {
        switch self {
        case .policyNotFound, .policyNameNotFound: return "PolicyNotFound"
        case .policyAlreadyExists: return "PolicyAlreadyExists"
        case .policyNameContainsSpaces, .invalidPolicyIdentity: return "InvalidPolicyIdentity"
        case .presetIsReadOnly: return "PresetIsReadOnly"
        case .unknownPolicyType: return "UnknownPolicyType"
        case .unknownSetting: return "UnknownSetting"
        case .invalidSettingValue: return "ParameterArgumentValidationError"
        case .userNotFound: return "UserNotFound"
        case .groupNotFound: return "GroupNotFound"
        case .tooManyGroupAssignments: return "TooManyGroupAssignments"
        case .groupAssignmentExists: return "GroupAssignmentExists"
        case .groupAssignmentNotFound: return "GroupAssignmentNotFound"
        case .invalidRank: return "InvalidRank"
        case .clientSettingUnavailable: return "ClientSettingUnavailable"
        case .callNotFound: return "CallNotFound"
        case .callAlreadyEnded: return "CallAlreadyEnded"
        case .callToSelf: return "CallToSelf"
        case .unknownCallFeature: return "UnknownCallFeature"
        case .featureUnavailableInEncryptedCall: return "FeatureUnavailableInEncryptedCall"
        case .duplicateUser: return "DuplicateUser"
        case .invalidSettingType: return "InvalidSettingType"
        case .groupAssignmentNotSupported: return "GroupAssignmentNotSupported"
        case .batchNotSupported: return "BatchAssignmentNotSupported"
        case .batchTooLarge: return "BatchTooLarge"
        case .batchOperationNotFound: return "BatchOperationNotFound"
        case .teamNotFound: return "TeamNotFound"
        case .lastTeamOwner: return "LastTeamOwner"
        case .notTeamMember: return "NotTeamMember"
        case .duplicateMailNickName: return "DuplicateMailNickName"
        }
    }
}

extension TenantError: CustomStringConvertible {
    public var description: String { message }
}
