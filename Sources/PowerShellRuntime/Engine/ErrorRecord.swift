import Foundation
import PowerShellSyntax

/// `System.Management.Automation.ErrorCategory`, with .NET's numeric values.
public enum ErrorCategory: Int, CaseIterable {
    case NotSpecified = 0, OpenError, CloseError, DeviceError, DeadlockDetected, InvalidArgument,
         InvalidData, InvalidOperation, InvalidResult, InvalidType, MetadataError, NotImplemented,
         NotInstalled, ObjectNotFound, OperationStopped, OperationTimeout, SyntaxError, ParserError,
         PermissionDenied, ResourceBusy, ResourceExists, ResourceUnavailable, ReadError, WriteError,
         FromStdErr, SecurityError, ProtocolError, ConnectionError, AuthenticationError,
         LimitsExceeded, QuotaExceeded, NotEnabled

    public var name: String { String(describing: self) }

    public static func named(_ name: String) -> ErrorCategory? {
        allCases.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// A .NET exception as scripts see it: `$_.Exception`, `catch [System.ArgumentException]`,
/// `throw [System.InvalidOperationException]::new('x')`. The type is modelled by its chain of
/// full type names (most specific first), which is all `catch` and `-is` need.
public final class PSExceptionObject: PSNativeObject {
    public let typeChain: [String]
    public var message: String
    public var innerException: PSExceptionObject?
    /// The ErrorRecord that wraps this exception (pwsh's IContainsErrorRecord), when there is one.
    public weak var errorRecord: ErrorRecord?
    /// For an exception that outlives its record (an inner exception kept by an outer one):
    /// the id and category to give the record `.ErrorRecord` makes again on request.
    public var recordTemplate: (errorId: String, category: ErrorCategory)?
    /// Extra properties some exceptions carry (ParamName, ActualValue, …).
    public var extraProperties: [(String, Value)] = []
    /// What `.ErrorRecord` gave the first time.
    private var parentRecord: ErrorRecord?
    static let parentContainsChain = ["System.Management.Automation.ParentContainsErrorRecordException", "System.SystemException", "System.Exception"]

    public init(typeChain: [String], message: String, inner: PSExceptionObject? = nil) {
        self.typeChain = typeChain
        self.message = message
        self.innerException = inner
    }

    public convenience init(_ type: ExceptionType, _ message: String, inner: PSExceptionObject? = nil) {
        self.init(typeChain: type.chain, message: message, inner: inner)
    }

    public override var typeFullName: String { typeChain.first ?? "System.Exception" }
    public override var typeHierarchy: [String] { typeChain + ["System.Object"] }

    public var hiddenTypeNames = HiddenTypeNames()
    public override var typeNames: [String] { hiddenTypeNames.visible(extraTypeNames, typeHierarchy) }
    public override func hideTypeName(_ name: String) -> Bool { hiddenTypeNames.hide(name, of: typeHierarchy) }
    public override func showTypeName(_ name: String) -> Bool { hiddenTypeNames.show(name) }

    /// Another exception object with the same contents and members of its own (see
    /// ErrorRecord.relabelableCopy).
    public func relabelableCopy() -> PSExceptionObject {
        let e = PSExceptionObject(typeChain: typeChain, message: message, inner: innerException)
        e.errorRecord = errorRecord
        e.recordTemplate = recordTemplate
        e.extraProperties = extraProperties
        e.hiddenTypeNames = hiddenTypeNames
        giveNamesAndMembers(to: e)
        return e
    }

    /// System.Exception's public properties in .NET reflection order.
    static let exceptionProperties = ["TargetSite", "Message", "Data", "InnerException", "HelpLink", "Source", "HResult", "StackTrace"]

    /// The properties a type declares ahead of System.Exception's (reflection lists the most
    /// derived type's own properties first): pwsh's IContainsErrorRecord exceptions lead with
    /// ErrorRecord; ArgumentException overrides Message and adds ParamName, and so on.
    private var declaredProperties: [String] {
        let sma = "System.Management.Automation."
        var names: [String] = []
        if typeChain.contains(sma + "RuntimeException") { names += ["ErrorRecord", "WasThrownFromThrowStatement"] }
        else if typeChain.first?.hasPrefix(sma + "PS") == true { names.append("ErrorRecord") }
        if typeChain.contains("System.ArgumentOutOfRangeException") { names += ["Message", "ActualValue", "ParamName"] }
        else if typeChain.contains("System.ArgumentException") { names += ["Message", "ParamName"] }
        if typeChain.contains("System.IO.FileNotFoundException") { names += ["Message", "FileName", "FusionLog"] }
        return names
    }

    public override var propertyNames: [String] {
        var names = declaredProperties
        for (n, _) in extraProperties where !names.contains(where: { $0.caseInsensitiveCompare(n) == .orderedSame }) { names.append(n) }
        return names + PSExceptionObject.exceptionProperties.filter { !names.contains($0) }
    }

    /// .NET's HRESULT of each exception type (pwsh's own exceptions keep SystemException's).
    static let hresults: [String: Int32] = [
        "System.Exception": -2146233088, "System.SystemException": -2146233087,
        "System.ArgumentException": -2147024809, "System.ArgumentNullException": -2147467261,
        "System.ArgumentOutOfRangeException": -2146233086, "System.InvalidOperationException": -2146233079,
        "System.NotSupportedException": -2146233067, "System.NotImplementedException": -2147467263,
        "System.DivideByZeroException": -2147352558, "System.ArithmeticException": -2147024362,
        "System.OverflowException": -2146233066, "System.FormatException": -2146233033,
        "System.InvalidCastException": -2147467262, "System.IndexOutOfRangeException": -2146233080,
        "System.NullReferenceException": -2147467261, "System.Collections.Generic.KeyNotFoundException": -2146232969,
        "System.IO.IOException": -2146232800, "System.IO.FileNotFoundException": -2147024894,
        "System.IO.DirectoryNotFoundException": -2147024893, "System.UnauthorizedAccessException": -2147024891,
        "System.TimeoutException": -2146233083, "System.OperationCanceledException": -2146233029,
        "System.OutOfMemoryException": -2147024882,
    ]

    public var hResult: Int32 {
        for name in typeChain { if let h = PSExceptionObject.hresults[name] { return h } }
        return -2146233088
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "message": return .string(message)
        case "innerexception": return innerException.map { .object($0) } ?? .null
        case "errorrecord":
            // RuntimeException.ErrorRecord (utils/RuntimeException.cs) is a record of its own
            // whose exception is a ParentContainsErrorRecordException with this message, not
            // this exception again, so walking Exception.ErrorRecord.Exception… ends.
            if typeChain.first == PSExceptionObject.parentContainsChain[0] { return nil }
            if let made = parentRecord { return .object(made) }
            let parent = PSExceptionObject(typeChain: PSExceptionObject.parentContainsChain, message: message)
            let made: ErrorRecord
            if let r = errorRecord {
                made = r.relabelableCopy(exception: parent)
            } else if let t = recordTemplate {
                made = ErrorRecord(exception: parent, errorId: t.errorId, category: t.category)
            } else {
                return .null
            }
            parentRecord = made
            return .object(made)
        case "hresult": return .int(hResult)
        case "source", "stacktrace", "helplink", "targetsite": return .null
        case "data": return .object(PSHashtable())
        case "wasthrownfromthrowstatement": return .bool(errorRecord?.fromThrowStatement ?? false)
        default:
            if let extra = extraProperties.first(where: { $0.0.lowercased() == name.lowercased() }) { return extra.1 }
            // Declared by the type but not set (ParamName of an ArgumentException made without one).
            return declaredProperties.contains { $0.caseInsensitiveCompare(name) == .orderedSame } ? .null : nil
        }
    }

    public override func toPSString() -> String { "\(typeFullName): \(message)" }

    /// True when this exception is of the type with the given full name (or a subclass).
    public func isInstance(of fullName: String) -> Bool {
        let lower = fullName.lowercased()
        return typeChain.contains { $0.lowercased() == lower } || lower == "system.object"
    }
}

/// The exception types the runtime raises itself, with their .NET inheritance chains.
public enum ExceptionType {
    case exception, systemException, runtimeException, argumentException, argumentNullException,
         argumentOutOfRangeException, invalidOperationException, itemNotFoundException, sessionStateException, driveNotFoundException,
         commandNotFoundException, parameterBindingException, parameterBindingValidationException,
         parameterBindingArgumentTransformationException, divideByZeroException, formatException,
         invalidCastException, psInvalidCastException, indexOutOfRangeException,
         nullReferenceException, methodInvocationException, methodException,
         propertyNotFoundException, parseException, incompleteParseException,
         notSupportedException, notImplementedException, keyNotFoundException, overflowException,
         arithmeticException, ioException, fileNotFoundException, directoryNotFoundException,
         unauthorizedAccessException, pipelineStoppedException, actionPreferenceStopException,
         writeErrorException, sessionStateUnauthorizedAccessException, scriptCallDepthException,
         validationMetadataException, argumentTransformationMetadataException, psArgumentException, psArgumentNullException,
         psArgumentOutOfRangeException, psInvalidOperationException, psNotSupportedException,
         psSecurityException, metadataException, setValueInvocationException,
         getValueInvocationException, nativeCommandExitException, wildcardPatternException,
         regexParseException, timeoutException, operationCanceledException, outOfMemoryException,
         custom([String])

    private static let sma = "System.Management.Automation."

    /// Full type names from the most specific up to System.Exception.
    public var chain: [String] {
        let exc = "System.Exception", sys = "System.SystemException"
        let rt = ExceptionType.sma + "RuntimeException"
        let arg = "System.ArgumentException"
        let io = "System.IO.IOException"
        switch self {
        case .exception: return [exc]
        case .systemException: return [sys, exc]
        case .runtimeException: return [rt, sys, exc]
        case .argumentException: return [arg, sys, exc]
        case .argumentNullException: return ["System.ArgumentNullException", arg, sys, exc]
        case .argumentOutOfRangeException: return ["System.ArgumentOutOfRangeException", arg, sys, exc]
        case .invalidOperationException: return ["System.InvalidOperationException", sys, exc]
        case .itemNotFoundException: return [ExceptionType.sma + "ItemNotFoundException", ExceptionType.sma + "SessionStateException", rt, sys, exc]
        case .sessionStateException: return [ExceptionType.sma + "SessionStateException", rt, sys, exc]
        case .driveNotFoundException: return [ExceptionType.sma + "DriveNotFoundException", ExceptionType.sma + "SessionStateException", rt, sys, exc]
        case .commandNotFoundException: return [ExceptionType.sma + "CommandNotFoundException", rt, sys, exc]
        case .parameterBindingException: return [ExceptionType.sma + "ParameterBindingException", rt, sys, exc]
        case .parameterBindingValidationException:
            return [ExceptionType.sma + "ParameterBindingValidationException", ExceptionType.sma + "ParameterBindingException", rt, sys, exc]
        case .parameterBindingArgumentTransformationException:
            return [ExceptionType.sma + "ParameterBindingArgumentTransformationException", ExceptionType.sma + "ParameterBindingException", rt, sys, exc]
        case .divideByZeroException: return ["System.DivideByZeroException", "System.ArithmeticException", sys, exc]
        case .formatException: return ["System.FormatException", sys, exc]
        case .invalidCastException: return ["System.InvalidCastException", sys, exc]
        case .psInvalidCastException: return [ExceptionType.sma + "PSInvalidCastException", "System.InvalidCastException", sys, exc]
        case .indexOutOfRangeException: return ["System.IndexOutOfRangeException", sys, exc]
        case .nullReferenceException: return ["System.NullReferenceException", sys, exc]
        case .methodInvocationException: return [ExceptionType.sma + "MethodInvocationException", ExceptionType.sma + "MethodException", rt, sys, exc]
        case .methodException: return [ExceptionType.sma + "MethodException", rt, sys, exc]
        case .propertyNotFoundException: return [ExceptionType.sma + "PropertyNotFoundException", ExceptionType.sma + "ExtendedTypeSystemException", rt, sys, exc]
        case .parseException: return [ExceptionType.sma + "ParseException", rt, sys, exc]
        case .incompleteParseException: return [ExceptionType.sma + "IncompleteParseException", ExceptionType.sma + "ParseException", rt, sys, exc]
        case .notSupportedException: return ["System.NotSupportedException", sys, exc]
        case .notImplementedException: return ["System.NotImplementedException", sys, exc]
        case .keyNotFoundException: return ["System.Collections.Generic.KeyNotFoundException", sys, exc]
        case .overflowException: return ["System.OverflowException", "System.ArithmeticException", sys, exc]
        case .arithmeticException: return ["System.ArithmeticException", sys, exc]
        case .ioException: return [io, sys, exc]
        case .fileNotFoundException: return ["System.IO.FileNotFoundException", io, sys, exc]
        case .directoryNotFoundException: return ["System.IO.DirectoryNotFoundException", io, sys, exc]
        case .unauthorizedAccessException: return ["System.UnauthorizedAccessException", sys, exc]
        case .pipelineStoppedException: return [ExceptionType.sma + "PipelineStoppedException", rt, sys, exc]
        case .actionPreferenceStopException: return [ExceptionType.sma + "ActionPreferenceStopException", rt, sys, exc]
        case .writeErrorException: return ["Microsoft.PowerShell.Commands.WriteErrorException", sys, exc]
        case .sessionStateUnauthorizedAccessException:
            return [ExceptionType.sma + "SessionStateUnauthorizedAccessException", ExceptionType.sma + "SessionStateException", rt, sys, exc]
        case .scriptCallDepthException: return [ExceptionType.sma + "ScriptCallDepthException", rt, sys, exc]
        case .validationMetadataException: return [ExceptionType.sma + "ValidationMetadataException", ExceptionType.sma + "MetadataException", rt, sys, exc]
        case .argumentTransformationMetadataException:
            return [ExceptionType.sma + "ArgumentTransformationMetadataException", ExceptionType.sma + "MetadataException", rt, sys, exc]
        case .psArgumentException: return [ExceptionType.sma + "PSArgumentException", arg, sys, exc]
        case .psArgumentNullException: return [ExceptionType.sma + "PSArgumentNullException", "System.ArgumentNullException", arg, sys, exc]
        case .psArgumentOutOfRangeException: return [ExceptionType.sma + "PSArgumentOutOfRangeException", "System.ArgumentOutOfRangeException", arg, sys, exc]
        case .psInvalidOperationException: return [ExceptionType.sma + "PSInvalidOperationException", "System.InvalidOperationException", sys, exc]
        case .psNotSupportedException: return [ExceptionType.sma + "PSNotSupportedException", "System.NotSupportedException", sys, exc]
        case .psSecurityException: return [ExceptionType.sma + "PSSecurityException", rt, sys, exc]
        case .metadataException: return [ExceptionType.sma + "MetadataException", rt, sys, exc]
        case .setValueInvocationException: return [ExceptionType.sma + "SetValueInvocationException", ExceptionType.sma + "SetValueException", ExceptionType.sma + "ExtendedTypeSystemException", rt, sys, exc]
        case .getValueInvocationException: return [ExceptionType.sma + "GetValueInvocationException", ExceptionType.sma + "GetValueException", ExceptionType.sma + "ExtendedTypeSystemException", rt, sys, exc]
        case .nativeCommandExitException: return [ExceptionType.sma + "NativeCommandExitException", rt, sys, exc]
        case .wildcardPatternException: return [ExceptionType.sma + "WildcardPatternException", rt, sys, exc]
        case .regexParseException: return ["System.Text.RegularExpressions.RegexParseException", arg, sys, exc]
        case .timeoutException: return ["System.TimeoutException", sys, exc]
        case .operationCanceledException: return ["System.OperationCanceledException", sys, exc]
        case .outOfMemoryException: return ["System.OutOfMemoryException", sys, exc]
        case .custom(let chain): return chain
        }
    }
}

/// Where a command or statement was invoked: `$_.InvocationInfo`.
public final class InvocationInfo: PSNativeObject {
    /// The command's name (`Get-Item`, a function name), empty for a script statement.
    public var commandName: String
    public var extent: SourceExtent?
    /// `$MyInvocation.MyCommand`: the command being run (a CommandInfoObject), when known.
    public var myCommand: Value = .null
    /// True when the command is not first in its pipeline (`$MyInvocation.ExpectingInput`).
    public var expectingInput = false
    /// The command's place in its pipeline, from 1 (`$MyInvocation.PipelinePosition`).
    public var pipelinePosition = 1

    public init(commandName: String, extent: SourceExtent?) {
        self.commandName = commandName
        self.extent = extent
    }

    public override var typeFullName: String { "System.Management.Automation.InvocationInfo" }

    public var scriptName: String { extent?.file ?? "" }
    public var scriptLineNumber: Int { extent?.startLine ?? 0 }
    public var offsetInLine: Int { extent?.startColumn ?? 0 }
    public var line: String { extent.map { $0.source.lineText($0.startLine) } ?? "" }

    public override var propertyNames: [String] {
        ["MyCommand", "BoundParameters", "UnboundArguments", "ScriptLineNumber", "OffsetInLine", "HistoryId",
         "ScriptName", "Line", "Statement", "PositionMessage", "PSScriptRoot", "PSCommandPath", "InvocationName",
         "PipelineLength", "PipelinePosition", "ExpectingInput", "CommandOrigin", "DisplayScriptPosition"]
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "scriptlinenumber": return .int(Int32(clamping: scriptLineNumber))
        case "offsetinline": return .int(Int32(clamping: offsetInLine))
        case "scriptname": return .string(scriptName)
        case "line": return .string(line)
        case "statement": return .string(extent?.text ?? "")
        case "invocationname": return .string(commandName)
        case "pscommandpath": return extent?.file.map { .string($0) } ?? .null
        case "psscriptroot":
            guard let f = extent?.file else { return .string("") }
            return .string((f as NSString).deletingLastPathComponent)
        case "positionmessage": return .string(positionMessage)
        case "historyid": return .int(1)
        case "pipelinelength", "pipelineposition": return .int(0)
        case "expectinginput": return .bool(expectingInput)
        case "mycommand": return myCommand
        case "boundparameters", "unboundarguments", "commandorigin", "displayscriptposition": return .null
        default: return nil
        }
    }

    /// The classic `At /path:line char:col` + source line + underline text.
    public var positionMessage: String { extent?.verboseMessage ?? "" }
}

/// `$_.CategoryInfo`.
public struct ErrorCategoryInfo {
    public var category: ErrorCategory
    public var activity: String
    public var reason: String
    public var targetName: String
    public var targetType: String

    /// `InvalidArgument: (tgt:String) [Write-Error], WriteErrorException`
    public var text: String {
        "\(category.name): (\(targetName):\(targetType)) [\(activity)], \(reason)"
    }
}

/// `System.Management.Automation.ErrorRecord`: what the error stream carries and `$_` is in
/// a catch block. Generated by the runtime and cmdlets; rendered by the formatting target.
public final class ErrorRecord: PSNativeObject {
    public let exception: PSExceptionObject
    /// The id before the comma of FullyQualifiedErrorId (`PathNotFound`).
    public var errorId: String
    /// What follows the comma: the command's .NET type (`Microsoft.PowerShell.Commands.GetItemCommand`)
    /// or a function or script name; nil for errors from the language itself.
    public var errorIdSuffix: String?
    public var category: ErrorCategory
    public var targetObject: Value
    public var invocationInfo: InvocationInfo?
    /// Overrides the category info's activity (normally the command name).
    public var categoryActivity: String?
    /// Overrides the category info's reason (normally the exception's short type name).
    public var categoryReason: String?
    /// `$_.ErrorDetails.Message`, which replaces the exception message when shown.
    public var errorDetailsMessage: String?
    /// `ScriptStackTrace` text.
    public var scriptStackTrace: String = ""
    /// True for an error raised by `throw` (pwsh renders those as "Exception: …" when uncaught).
    public var fromThrowStatement = false
    /// True for errors that end the whole script when nothing catches them (`throw`, and errors
    /// raised under the Stop preference). Other errors end only their statement.
    public var terminatesScript = false
    /// True when the error became terminating because the error action was Stop: pwsh then
    /// throws an ActionPreferenceStopException that carries this record.
    public var stoppedByPreference = false
    /// True for a line a native program wrote to stderr (`2>&1`): it prints as the bare text.
    public var isNativeError = false
    /// True for errors raised by the parser (rendered as `ParserError:`).
    public var isParseError = false

    public init(exception: PSExceptionObject, errorId: String, category: ErrorCategory,
                targetObject: Value = .null, invocationInfo: InvocationInfo? = nil, errorIdSuffix: String? = nil) {
        self.exception = exception
        self.errorId = errorId
        self.category = category
        self.targetObject = targetObject
        self.invocationInfo = invocationInfo
        self.errorIdSuffix = errorIdSuffix
        super.init()
        if exception.errorRecord == nil { exception.errorRecord = self }
    }

    public override var typeFullName: String { "System.Management.Automation.ErrorRecord" }

    public var hiddenTypeNames = HiddenTypeNames()
    public override var typeNames: [String] { hiddenTypeNames.visible(extraTypeNames, typeHierarchy) }
    public override func hideTypeName(_ name: String) -> Bool { hiddenTypeNames.hide(name, of: typeHierarchy) }
    public override func showTypeName(_ name: String) -> Bool { hiddenTypeNames.show(name) }

    /// Another record with the same contents and members of its own (pwsh's
    /// `PSObject.AsPSObject(record, storeTypeNameAndInstanceMembersLocally: true)`): what one
    /// changes in its type names and members leaves the other alone.
    public func relabelableCopy(exception replacement: PSExceptionObject? = nil) -> ErrorRecord {
        let r = ErrorRecord(exception: replacement ?? exception, errorId: errorId, category: category, targetObject: targetObject,
                            invocationInfo: invocationInfo, errorIdSuffix: errorIdSuffix)
        r.categoryActivity = categoryActivity
        r.categoryReason = categoryReason
        r.errorDetailsMessage = errorDetailsMessage
        r.scriptStackTrace = scriptStackTrace
        r.fromThrowStatement = fromThrowStatement
        r.terminatesScript = terminatesScript
        r.stoppedByPreference = stoppedByPreference
        r.isNativeError = isNativeError
        r.isParseError = isParseError
        r.targetDescription = targetDescription
        r.targetTypeName = targetTypeName
        r.hiddenTypeNames = hiddenTypeNames
        giveNamesAndMembers(to: r)
        return r
    }

    public var fullyQualifiedErrorId: String {
        guard let s = errorIdSuffix, !s.isEmpty else { return errorId }
        return errorId + "," + s
    }

    /// The message shown for this error: ErrorDetails' message if set, else the exception's.
    public var message: String { errorDetailsMessage ?? exception.message }

    public var categoryInfo: ErrorCategoryInfo {
        let targetName: String
        let targetType: String
        switch targetObject {
        case .null:
            targetName = ""
            targetType = ""
        case .string(let s):
            targetName = s
            targetType = "String"
        default:
            targetName = targetDescription
            targetType = targetTypeName
        }
        let reason = categoryReason ?? exception.typeName
        return ErrorCategoryInfo(category: category, activity: categoryActivity ?? invocationInfo?.commandName ?? "",
                                 reason: reason, targetName: targetName, targetType: targetType)
    }

    /// Set by the runtime so the category text can show the target as pwsh would.
    public var targetDescription: String = ""
    public var targetTypeName: String = ""

    public override var propertyNames: [String] {
        ["Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "ErrorDetails", "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo"]
    }

    public override func toPSString() -> String { message }
}

/// A terminating error on its way up the Swift stack (`throw`, `-ErrorAction Stop`, a failed
/// conversion). Catch blocks and traps receive its record. A class, like the flow signals, so
/// `catch let e as RuntimeError` is a cheap class check for every error that passes by.
public final class RuntimeError: Error {
    public let record: ErrorRecord

    public init(_ record: ErrorRecord) {
        self.record = record
    }

    /// A language error (no command): `RuntimeException` by default.
    public init(_ type: ExceptionType, _ message: String, errorId: String, category: ErrorCategory = .InvalidOperation,
                extent: SourceExtent? = nil, target: Value = .null) {
        let ex = PSExceptionObject(type, message)
        record = ErrorRecord(exception: ex, errorId: errorId, category: category, targetObject: target,
                             invocationInfo: extent.map { InvocationInfo(commandName: "", extent: $0) })
    }
}

/// A record of the warning, verbose, debug or information stream merged into output (`3>&1`,
/// `*>&1`): WarningRecord, VerboseRecord, DebugRecord (InformationalRecord's `Message`) or
/// InformationRecord (`MessageData`). Its string form is the text.
public final class StreamRecord: PSDotNetObject {
    public let stream: RedirectionStream
    public let message: String
    /// An InformationRecord's Tags: `PSHOST` for Write-Host's (HostInformationMessage).
    public let tags: [String]

    public init(_ stream: RedirectionStream, _ message: String, tags: [String] = []) {
        self.stream = stream
        self.message = message
        self.tags = tags
    }

    public override var typeFullName: String {
        switch stream {
        case .warning: return "System.Management.Automation.WarningRecord"
        case .verbose: return "System.Management.Automation.VerboseRecord"
        case .debug: return "System.Management.Automation.DebugRecord"
        default: return "System.Management.Automation.InformationRecord"
        }
    }

    /// The prefix pwsh's format view puts before the text when the record is displayed.
    public var displayPrefix: String {
        switch stream {
        case .warning: return "WARNING: "
        case .verbose: return "VERBOSE: "
        case .debug: return "DEBUG: "
        default: return ""
        }
    }

    public override var propertyNames: [String] {
        if case .information = stream {
            return ["MessageData", "Source", "TimeGenerated", "Tags", "User", "Computer", "ProcessId", "NativeThreadId", "ManagedThreadId"]
        }
        return ["Message", "InvocationInfo", "PipelineIterationInfo"]
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "message": return stream == .information ? nil : .string(message)
        case "messagedata": return stream == .information ? .string(message) : nil
        case "tags": return stream == .information ? .object(PSArray(tags.map { .string($0) }, kind: .genericList(elementType: "System.String"))) : nil
        default: return nil
        }
    }

    public override func toPSString() -> String { message }
}

/// The names of its own type hierarchy a script took out of an object's `pstypenames`
/// (`$e.PSObject.TypeNames.Remove('System.Exception')`): for error records and exceptions,
/// which Get-Error relabels.
public struct HiddenTypeNames {
    private var names: [String] = []

    public init() {}

    /// The type names left to show.
    func visible(_ extra: [String], _ hierarchy: [String]) -> [String] {
        names.isEmpty ? extra + hierarchy : extra + hierarchy.filter { !names.contains($0) }
    }

    /// Hides a name of the hierarchy; false when it is none of them or already hidden.
    mutating func hide(_ name: String, of hierarchy: [String]) -> Bool {
        guard hierarchy.contains(name), !names.contains(name) else { return false }
        names.append(name)
        return true
    }

    /// Shows a hidden name again; false when it was not hidden.
    mutating func show(_ name: String) -> Bool {
        guard let i = names.firstIndex(of: name) else { return false }
        names.remove(at: i)
        return true
    }
}

extension PSObjectBase {
    /// Gives a copy this object's extra type names and a copy of its instance members.
    func giveNamesAndMembers(to copy: PSObjectBase) {
        copy.extraTypeNames = extraTypeNames
        copy.instanceMembers = instanceMembers?.copy()
    }
}
