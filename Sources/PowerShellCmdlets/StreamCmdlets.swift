import Foundation
import PowerShellRuntime

/// Write-Error, Write-Warning, Write-Verbose, Write-Debug, Write-Information and
/// Write-Progress: the non-output streams.
enum StreamCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Write-Error", WriteErrorCommand.self),
        ("Write-Warning", WriteWarningCommand.self),
        ("Write-Verbose", WriteVerboseCommand.self),
        ("Write-Debug", WriteDebugCommand.self),
        ("Write-Information", WriteInformationCommand.self),
        ("Write-Progress", WriteProgressCommand.self),
    ]
}

/// `Write-Error [-Message] <string>` / `-Exception <Exception>` / `-ErrorRecord <ErrorRecord>`
/// with `-Category -ErrorId -TargetObject -RecommendedAction -CategoryActivity …`.
/// As in pwsh, the record is attributed to the calling script or function (`$MyInvocation`):
/// its FullyQualifiedErrorId ends with that command's name and the console shows the caller.
final class WriteErrorCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let b = rt.bound
        let record: ErrorRecord
        if let v = b["ErrorRecord"], case .object(let o) = v, let given = o as? ErrorRecord {
            record = ErrorRecord(exception: given.exception, errorId: given.errorId, category: given.category,
                                 targetObject: given.targetObject, invocationInfo: nil, errorIdSuffix: nil)
            record.categoryReason = given.categoryReason
            record.errorDetailsMessage = given.errorDetailsMessage
        } else {
            let message = b.string("Message") ?? ""
            var exception: PSExceptionObject
            var errorDetails: String?
            if let v = b["Exception"], case .object(let o) = v, let ex = o as? PSExceptionObject {
                exception = ex
                if b.has("Message"), !message.isEmpty { errorDetails = message }
            } else if let v = b["Exception"], !v.isNull {
                exception = PSExceptionObject(.exception, rt.text(v))
            } else {
                exception = PSExceptionObject(.writeErrorException, message)
            }
            let category = b["Category"].flatMap { ErrorCategory.named(rt.text($0)) ?? (try? Conversion.toInt64($0)).flatMap { ErrorCategory(rawValue: Int($0)) } }
                ?? .NotSpecified
            var errorId = b.string("ErrorId") ?? ""
            if errorId.isEmpty { errorId = exception.typeFullName }
            record = ErrorRecord(exception: exception, errorId: errorId, category: category,
                                 targetObject: b["TargetObject"] ?? .null, invocationInfo: nil, errorIdSuffix: nil)
            record.errorDetailsMessage = errorDetails
        }
        if let reason = b.string("CategoryReason"), !reason.isEmpty { record.categoryReason = reason }
        if let t = b["TargetObject"] {
            record.targetDescription = rt.text(t)
            record.targetTypeName = Members.typeFullName(t).split(separator: ".").last.map(String.init) ?? ""
        }
        if let name = b.string("CategoryTargetName"), !name.isEmpty { record.targetDescription = name }
        if let type = b.string("CategoryTargetType"), !type.isEmpty { record.targetTypeName = type }
        attributeToCaller(record, rt)
        if let activity = b.string("CategoryActivity"), !activity.isEmpty {
            record.categoryActivity = activity
        } else {
            record.categoryActivity = "Write-Error"
        }
        try rt.writeError(record)
    }

    /// pwsh sets the record's InvocationInfo to the caller's `$MyInvocation`: a function's call
    /// site, or the script itself (which has no position when run with -File).
    private func attributeToCaller(_ record: ErrorRecord, _ rt: CommandRuntime) {
        guard let v = rt.context.variableValue("MyInvocation"), case .object(let o) = v, let inv = o as? InvocationInfo else {
            record.invocationInfo = InvocationInfo(commandName: "", extent: nil)
            return
        }
        record.errorIdSuffix = inv.commandName.isEmpty ? nil : inv.commandName
        if let x = inv.extent, x.start == 0, let file = x.file, (file as NSString).lastPathComponent == inv.commandName {
            // The script run from the command line: pwsh shows no position for it.
            record.invocationInfo = InvocationInfo(commandName: "", extent: nil)
        } else {
            record.invocationInfo = inv
        }
    }
}

/// `Write-Warning [-Message] <string>`
final class WriteWarningCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try rt.writeWarning(rt.bound.string("Message") ?? "")
    }
}

/// `Write-Verbose [-Message] <string>`
final class WriteVerboseCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try rt.writeVerbose(rt.bound.string("Message") ?? "")
    }
}

/// `Write-Debug [-Message] <string>`
final class WriteDebugCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try rt.writeDebug(rt.bound.string("Message") ?? "")
    }
}

/// `Write-Information [-MessageData] <Object> [[-Tags] <string[]>]`: shown only when
/// `$InformationPreference` / `-InformationAction` is Continue.
final class WriteInformationCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let data = rt.bound["MessageData"] ?? .null
        try rt.writeInformation(rt.text(data), isHost: false)
    }
}

/// `Write-Progress`: pwsh draws progress only on an interactive console; teamsh never does.
final class WriteProgressCommand: Cmdlet {}
