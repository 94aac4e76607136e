import Foundation

/// `$ExecutionContext` (System.Management.Automation.EngineIntrinsics) and the intrinsics it
/// hands out: SessionState (the session state of the code that reads it: a module's inside its
/// functions, else the global one), its Path and PSVariable, and InvokeCommand. Real modules use
/// these for `$ExecutionContext.SessionState.Module`, `…Module.OnRemove = {…}`,
/// `…Path.GetUnresolvedProviderPathFromPSPath()` and `…InvokeCommand.ExpandString()`.
public final class EngineIntrinsicsObject: PSDotNetObject {
    unowned let context: ExecutionContext

    init(context: ExecutionContext) {
        self.context = context
    }

    public override var typeFullName: String { "System.Management.Automation.EngineIntrinsics" }
    public override var propertyNames: [String] { ["Host", "Events", "InvokeProvider", "SessionState", "InvokeCommand"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "host": return context.globalScope.variables["host"]?.value ?? .null
        case "events", "invokeprovider": return .null
        case "sessionstate": return .object(SessionStateObject(context: context, module: context.currentModule))
        case "invokecommand": return .object(CommandInvocationIntrinsicsObject(context: context))
        default: return nil
        }
    }
}

/// A session state (System.Management.Automation.SessionState): the global one, or a module's.
public final class SessionStateObject: PSDotNetObject {
    weak var context: ExecutionContext?
    let module: PSModuleInfo?

    init(context: ExecutionContext?, module: PSModuleInfo?) {
        self.context = context
        self.module = module
    }

    /// A module's own session state (`(Get-Module M).SessionState`).
    public convenience init(module: PSModuleInfo) {
        self.init(context: module.context, module: module)
    }

    public override var typeFullName: String { "System.Management.Automation.SessionState" }
    public override var propertyNames: [String] {
        ["Drive", "Provider", "Path", "PSVariable", "LanguageMode", "UseFullLanguageModeInDebugger", "Scripts", "Applications", "Module",
         "InvokeProvider", "InvokeCommand"]
    }

    /// The scope this session state's code runs in now: the caller's when the caller runs in
    /// it, else its module scope (the global scope for the global session state).
    var currentScope: Scope? {
        guard let context else { return module?.scope }
        guard let module else { return context.currentScope.enclosingModule == nil ? context.currentScope : context.globalScope }
        return context.currentScope.enclosingModule === module ? context.currentScope : module.scope
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "module": return module.map { .object($0) } ?? .null
        case "languagemode": return .string("FullLanguage")
        case "usefulllanguagemodeindebugger": return .bool(false)
        case "scripts", "applications": return .object(PSArray([.string("*")]))
        case "path": return .object(PathIntrinsicsObject(context: context))
        case "psvariable": return .object(PSVariableIntrinsicsObject(sessionState: self))
        case "invokecommand": return context.map { .object(CommandInvocationIntrinsicsObject(context: $0)) } ?? .null
        case "drive", "provider", "invokeprovider": return .null
        default: return nil
        }
    }
}

/// `$ExecutionContext.SessionState.Path` (PathIntrinsics) for the FileSystem provider.
public final class PathIntrinsicsObject: PSDotNetObject {
    weak var context: ExecutionContext?

    init(context: ExecutionContext?) {
        self.context = context
    }

    public override var typeFullName: String { "System.Management.Automation.PathIntrinsics" }
    public override var propertyNames: [String] { ["CurrentLocation", "CurrentFileSystemLocation"] }
    public override var methodNames: [String] {
        ["GetUnresolvedProviderPathFromPSPath", "GetResolvedPSPathFromPSPath", "IsValid", "Combine", "GetParentPath", "GetChildItemName"]
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "currentlocation", "currentfilesystemlocation": return .object(PathInfo(context?.currentLocation ?? "/"))
        default: return nil
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        func text(_ i: Int) -> String { i < args.count ? Conversion.toString(args[i], hooks: hooks) : "" }
        switch name {
        case "getunresolvedproviderpathfrompspath":
            guard args.count == 1 else { throw MemberErrors.noOverload("GetUnresolvedProviderPathFromPSPath", args.count) }
            return .string(resolve(text(0)))
        case "getresolvedpspathfrompspath":
            guard args.count == 1 else { throw MemberErrors.noOverload("GetResolvedPSPathFromPSPath", args.count) }
            let path = resolve(text(0))
            guard FileManager.default.fileExists(atPath: path) else {
                throw MemberErrors.invocation("GetResolvedPSPathFromPSPath", 1,
                                              PSExceptionObject(.itemNotFoundException, "Cannot find path '\(path)' because it does not exist."))
            }
            return .object(PSArray([.object(PathInfo(path))]))
        case "isvalid":
            guard args.count == 1 else { throw MemberErrors.noOverload("IsValid", args.count) }
            return .bool(!text(0).contains("\0"))
        case "combine":
            guard args.count == 2 else { throw MemberErrors.noOverload("Combine", args.count) }
            let parent = text(0), child = text(1)
            if parent.isEmpty { return .string(child) }
            if child.isEmpty { return .string(parent) }
            return .string(parent.hasSuffix("/") || child.hasPrefix("/") ? parent + child : parent + "/" + child)
        case "getparentpath":
            guard args.count == 2 else { throw MemberErrors.noOverload("GetParentPath", args.count) }
            return .string((text(0) as NSString).deletingLastPathComponent)
        case "getchilditemname":
            guard args.count == 1 else { throw MemberErrors.noOverload("GetChildItemName", args.count) }
            return .string((text(0) as NSString).lastPathComponent)
        default: return nil
        }
    }

    private func resolve(_ path: String) -> String {
        var p = path
        if p.lowercased().hasPrefix("microsoft.powershell.core\\filesystem::") { p = String(p.dropFirst(38)) }
        else if p.lowercased().hasPrefix("filesystem::") { p = String(p.dropFirst(12)) }
        return context?.resolvePath(p) ?? p
    }
}

/// `$ExecutionContext.SessionState.PSVariable` (PSVariableIntrinsics): the variables of that
/// session state's current scope, looked up as `$name` would be.
public final class PSVariableIntrinsicsObject: PSDotNetObject {
    let sessionState: SessionStateObject

    init(sessionState: SessionStateObject) {
        self.sessionState = sessionState
    }

    public override var typeFullName: String { "System.Management.Automation.PSVariableIntrinsics" }
    public override var methodNames: [String] { ["Get", "GetValue", "Remove", "Set"] }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard let scope = sessionState.currentScope else { return nil }
        func text(_ i: Int) -> String { i < args.count ? Conversion.toString(args[i], hooks: hooks) : "" }
        switch name {
        case "get":
            guard args.count == 1 else { throw MemberErrors.noOverload("Get", args.count) }
            return scope.lookup(text(0).lowercased()).map { .object($0) } ?? .null
        case "getvalue":
            guard args.count == 1 || args.count == 2 else { throw MemberErrors.noOverload("GetValue", args.count) }
            if let v = scope.lookup(text(0).lowercased()) { return v.value }
            return args.count == 2 ? args[1] : .null
        case "set":
            guard args.count == 2 else { throw MemberErrors.noOverload("Set", args.count) }
            let variableName = text(0)
            if let existing = scope.variables[variableName.lowercased()] {
                guard !existing.isReadOnlyOrConstant else {
                    throw MemberErrors.invocation("Set", 2, PSExceptionObject(
                        .sessionStateUnauthorizedAccessException,
                        "Cannot overwrite variable \(existing.name) because it is read-only or constant."))
                }
                existing.value = args[1]
            } else {
                scope.variables[variableName.lowercased()] = PSVariable(name: variableName, value: args[1])
            }
            return .null
        case "remove":
            guard args.count == 1 else { throw MemberErrors.noOverload("Remove", args.count) }
            scope.variables[text(0).lowercased()] = nil
            return .null
        default: return nil
        }
    }
}

/// `$ExecutionContext.InvokeCommand` (CommandInvocationIntrinsics).
public final class CommandInvocationIntrinsicsObject: PSDotNetObject {
    unowned let context: ExecutionContext

    init(context: ExecutionContext) {
        self.context = context
    }

    public override var typeFullName: String { "System.Management.Automation.CommandInvocationIntrinsics" }
    public override var methodNames: [String] { ["ExpandString", "InvokeScript", "NewScriptBlock"] }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        func text(_ i: Int) -> String { i < args.count ? Conversion.toString(args[i], hooks: hooks) : "" }
        switch name {
        case "expandstring":
            // The text is read as the inside of a double-quoted string, in the caller's scope.
            guard args.count == 1 else { throw MemberErrors.noOverload("ExpandString", args.count) }
            if args[0].isNull { return .string("") }
            let source = "\"" + text(0).replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let sb = try context.parseScriptBlock(source)
            let out = try context.invokeScriptBlock(sb, args: [], dollarUnder: nil, dotSource: true)
            return .string(out.first.map { Conversion.toString($0, hooks: hooks) } ?? "")
        case "newscriptblock":
            guard args.count == 1 else { throw MemberErrors.noOverload("NewScriptBlock", args.count) }
            return .object(try context.parseScriptBlock(text(0)))
        case "invokescript":
            guard !args.isEmpty else { throw MemberErrors.noOverload("InvokeScript", args.count) }
            let sb = try context.parseScriptBlock(text(0))
            return .object(PSArray(try context.invokeScriptBlock(sb, args: Array(args.dropFirst()), dollarUnder: nil)))
        default: return nil
        }
    }
}
