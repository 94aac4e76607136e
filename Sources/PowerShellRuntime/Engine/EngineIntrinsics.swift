import Foundation
import PowerShellSyntax

/// `$ExecutionContext` (System.Management.Automation.EngineIntrinsics), with what scripts and
/// prompt functions use of it: `SessionState.Path.CurrentLocation` (the default prompt's) and
/// `InvokeCommand.ExpandString()` / `InvokeScript()` / `NewScriptBlock()`.
final class EngineIntrinsics: PSNativeObject {
    unowned let context: ExecutionContext

    init(_ context: ExecutionContext) {
        self.context = context
    }

    override var typeFullName: String { "System.Management.Automation.EngineIntrinsics" }
    override var propertyNames: [String] { ["Host", "Events", "InvokeProvider", "SessionState", "InvokeCommand"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "host": return context.variableValue("Host")
        case "sessionstate": return .object(SessionStateIntrinsics(context))
        case "invokecommand": return .object(CommandInvocationIntrinsics(context))
        case "events", "invokeprovider": return .null
        default: return nil
        }
    }
}

/// `$ExecutionContext.SessionState`.
final class SessionStateIntrinsics: PSNativeObject {
    unowned let context: ExecutionContext

    init(_ context: ExecutionContext) {
        self.context = context
    }

    override var typeFullName: String { "System.Management.Automation.SessionState" }
    override var propertyNames: [String] { ["Path", "LanguageMode"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "path": return .object(PathIntrinsics(context))
        case "languagemode": return .string("FullLanguage")
        default: return nil
        }
    }
}

/// `$ExecutionContext.SessionState.Path`: the current location.
final class PathIntrinsics: PSNativeObject {
    unowned let context: ExecutionContext

    init(_ context: ExecutionContext) {
        self.context = context
    }

    override var typeFullName: String { "System.Management.Automation.PathIntrinsics" }
    override var propertyNames: [String] { ["CurrentLocation", "CurrentFileSystemLocation"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "currentlocation", "currentfilesystemlocation": return .object(PathInfo(context.currentLocation))
        default: return nil
        }
    }
}

/// `$ExecutionContext.InvokeCommand`.
final class CommandInvocationIntrinsics: PSDotNetObject {
    unowned let context: ExecutionContext

    init(_ context: ExecutionContext) {
        self.context = context
    }

    override var typeFullName: String { "System.Management.Automation.CommandInvocationIntrinsics" }
    override var methodNames: [String] { ["ExpandString", "InvokeScript", "NewScriptBlock"] }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard args.count == 1 else { return nil }
        let text = Conversion.toString(args[0], hooks: hooks)
        switch name {
        case "expandstring":
            // The text read as the body of a double-quoted here-string.
            let block = try context.parseScriptBlock("@\"\n" + text + "\n\"@")
            return .string(Conversion.toString(context.collapse(try context.invokeScriptBlock(block, args: [], dollarUnder: nil, dotSource: true)), hooks: hooks))
        case "invokescript":
            let block = try context.parseScriptBlock(text)
            return .object(PSArray(try context.invokeScriptBlock(block, args: [], dollarUnder: nil, dotSource: true), kind: .genericList(elementType: "System.Management.Automation.PSObject")))
        case "newscriptblock":
            return .object(try context.parseScriptBlock(text))
        default:
            return nil
        }
    }
}
