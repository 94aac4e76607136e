import Foundation
import PowerShellSyntax

/// Session start-up (automatic and preference variables, hooks) and running whole scripts.
extension ExecutionContext {

    func installAutomaticVariables() {
        Members.registerNativeConversions()
        let g = globalScope
        func define(_ name: String, _ value: Value, _ options: VariableOptions = []) {
            g.variables[name.lowercased()] = PSVariable(name: name, value: value, options: options)
        }
        define("true", .bool(true), [.constant, .allScope])
        define("false", .bool(false), [.constant, .allScope])
        define("null", .null, [.constant, .allScope])
        define("Error", .object(errorList), [.constant])
        define("HOME", .string(homeDirectory), [.readOnly, .allScope])
        define("PID", .int(Int32(ProcessInfo.processInfo.processIdentifier)), [.constant, .allScope])
        define("IsLinux", .bool(true), [.constant, .allScope])
        define("IsWindows", .bool(false), [.constant, .allScope])
        define("IsMacOS", .bool(false), [.constant, .allScope])
        define("IsCoreCLR", .bool(true), [.constant, .allScope])
        define("PSEdition", .string("Core"), [.readOnly, .allScope])
        // The folder of the running teamsh, so `& "$PSHOME/teamsh"` starts another one, as
        // `& "$PSHOME/pwsh"` does in pwsh. NOTE: the simulated machine's module folders keep
        // pwsh's install path (/opt/microsoft/powershell/7/Modules).
        define("PSHOME", .string((ExecutionContext.processPath as NSString).deletingLastPathComponent), [.constant, .allScope])
        define("ShellId", .string("Microsoft.PowerShell"), [.readOnly, .allScope])
        define("PSCulture", .string("en-US"), [.readOnly, .allScope])
        define("PSUICulture", .string("en-US"), [.readOnly, .allScope])
        define("FormatEnumerationLimit", .int(4))
        define("MaximumHistoryCount", .int(4096))
        define("NestedPromptLevel", .int(0))
        define("PSNativeCommandUseErrorActionPreference", .bool(false))
        define("PSNativeCommandArgumentPassing", .string("Standard"))
        define("WhatIfPreference", .bool(false))
        define("PSDefaultParameterValues", .object(PSHashtable()))
        define("PROFILE", .string(homeDirectory + "/.config/powershell/Microsoft.PowerShell_profile.ps1"))
        for (name, value) in [("ErrorActionPreference", ActionPreference.Continue), ("WarningPreference", .Continue),
                              ("VerbosePreference", .SilentlyContinue), ("DebugPreference", .SilentlyContinue),
                              ("InformationPreference", .SilentlyContinue), ("ProgressPreference", .Continue)] {
            define(name, .object(PSEnumValue(ActionPreference.enumDefinition, value.numericValue)))
        }
        define("ConfirmPreference", .string("High"))
        define("ErrorView", .string("ConciseView"))
        define("PSVersionTable", .object(ExecutionContext.versionTable()))
        define("PSStyle", .object(PSStyle.instance), [.constant])
        define("Host", .object(HostInfo()))
        define("ExecutionContext", .object(EngineIntrinsicsObject(context: self)), [.constant, .allScope])
    }

    /// The running executable (`[Environment]::ProcessPath`), symbolic links resolved.
    public static let processPath: String = {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "teamsh").standardizedFileURL.path
    }()

    /// `$PSVersionTable` exactly as pwsh 7.6.9 on Linux reports it.
    static func versionTable() -> PSHashtable {
        let t = PSHashtable(ordered: true)
        t.set(.string("PSVersion"), .object(PSSemanticVersion(7, 6, 9)))
        t.set(.string("PSEdition"), .string("Core"))
        t.set(.string("GitCommitId"), .string("7.6.9"))
        t.set(.string("OS"), .string(ExecutionContext.osDescription))
        t.set(.string("Platform"), .string("Unix"))
        t.set(.string("PSCompatibleVersions"), .object(PSArray(["1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"].map { .string($0) })))
        t.set(.string("PSRemotingProtocolVersion"), .string("2.3"))
        t.set(.string("SerializationVersion"), .string("1.1.0.1"))
        t.set(.string("WSManStackVersion"), .string("3.0"))
        return t
    }

    static var osDescription: String {
        var u = utsname()
        uname(&u)
        let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let version = withUnsafeBytes(of: &u.version) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return "Linux \(release) \(version)"
    }

    // MARK: - Common parameters

    /// Sets up `-ErrorVariable` / `-OutVariable` collection for a command.
    func prepareCommonParameters(_ rt: CommandRuntime) throws {
        if rt.bound.has("OutVariable") { rt.outVariableItems = [] }
        if rt.bound.has("ErrorVariable") { rt.errorVariableItems = [] }
        if rt.bound.has("WarningVariable") { rt.warningVariableItems = [] }
        if rt.bound.has("InformationVariable") { rt.informationVariableItems = [] }
    }

    /// `-PipelineVariable name`: a variable in the scope the pipeline runs in that holds each
    /// object the command writes while the object goes down the pipeline. Returns the output
    /// pipe that sets it and what puts back the variable it hid once the pipeline is over.
    func pipelineVariableOutput(_ bound: BoundParameters, _ downstream: Pipe) -> (Pipe, restore: () -> Void)? {
        guard let name = bound.string("PipelineVariable"), !name.isEmpty else { return nil }
        let scope = currentScope
        let folded = name.lowercased()
        let hidden = scope.variables[folded]
        let variable = PSVariable(name: name, value: .null)
        scope.variables[folded] = variable
        let pipe = Pipe({ v in
            variable.value = v
            try downstream.write(v)
        })
        return (pipe, {
            if scope.variables[folded] === variable { scope.variables[folded] = hidden }
        })
    }

    /// Stores what `-ErrorVariable` / `-OutVariable` collected (`+name` appends).
    func finishCommonParameters(_ rt: CommandRuntime) {
        func store(_ param: String, _ items: [Value]?) {
            guard let items = items, var name = rt.bound.string(param) else { return }
            var existing: [Value] = []
            let append = name.hasPrefix("+")
            if append { name.removeFirst() }
            // `-OutVariable script:a` names a scope too.
            var scope: String?
            if let colon = name.firstIndex(of: ":"), ["global", "script", "local", "private"].contains(name[..<colon].lowercased()) {
                scope = String(name[..<colon])
                name = String(name[name.index(after: colon)...])
            }
            if append, let v = (try? resolveScope(scope))?.lookup(name.lowercased())?.value ?? (scope == nil ? variableValue(name) : nil) {
                existing = Conversion.enumerate(v) ?? [v]
            }
            try? setVariable(name, .object(PSArray(existing + items, kind: .arrayList)), scope: scope)
        }
        store("OutVariable", rt.outVariableItems)
        store("ErrorVariable", rt.errorVariableItems)
        store("WarningVariable", rt.warningVariableItems)
        store("InformationVariable", rt.informationVariableItems)
    }

    /// `-Verbose`, `-ErrorAction` … on an advanced function set the preference variables in
    /// its scope, so commands it calls follow them.
    func applyCommonParameterPreferences(_ bound: BoundParameters, in scope: Scope) {
        func setPref(_ variable: String, _ value: ActionPreference) {
            scope.variables[variable.lowercased()] = PSVariable(name: variable, value: .object(PSEnumValue(ActionPreference.enumDefinition, value.numericValue)))
        }
        if let v = bound["ErrorAction"], let p = ActionPreference.parse(v) { setPref("ErrorActionPreference", p) }
        if let v = bound["WarningAction"], let p = ActionPreference.parse(v) { setPref("WarningPreference", p) }
        if let v = bound["InformationAction"], let p = ActionPreference.parse(v) { setPref("InformationPreference", p) }
        if bound.has("Verbose") { setPref("VerbosePreference", bound.isOn("Verbose") ? .Continue : .SilentlyContinue) }
        if bound.has("Debug") { setPref("DebugPreference", bound.isOn("Debug") ? .Continue : .SilentlyContinue) }
        if bound.has("WhatIf") { scope.variables["whatifpreference"] = PSVariable(name: "WhatIfPreference", value: .bool(bound.isOn("WhatIf"))) }
    }

    // MARK: - Running scripts

    /// How a top-level run ended.
    public enum RunOutcome {
        case completed
        case exited(Int32)
        /// A terminating error nobody caught (already reported).
        case failed
        case parseFailed
    }

    /// Parses and runs a whole script (file or `-Command` text) at the top level: output goes
    /// through Out-Default after each statement; errors are reported as pwsh does.
    /// `bindArguments` binds `arguments` to the text's `param()` and `$args` as a script's are
    /// bound (`-CommandWithArgs`); a script file always binds them.
    public func runTopLevel(_ source: SourceText, arguments: [CommandArgument] = [], asScriptFile: Bool, bindArguments: Bool = false) -> RunOutcome {
        let result = Parser.parse(source)
        if !result.errors.isEmpty {
            outDefaultFlush()
            host.writeErrorText(renderParseErrors(result.errors))
            let first = result.errors[0]
            let record = ErrorRecord(exception: PSExceptionObject(.parseException, first.message), errorId: first.id, category: .ParserError,
                                     invocationInfo: InvocationInfo(commandName: "", extent: first.extent))
            record.isParseError = true
            recordError(record)
            lastStatementSucceeded = false
            return .parseFailed
        }
        return runParsed(result.ast, arguments: arguments, asScriptFile: asScriptFile, bindArguments: bindArguments)
    }

    /// Runs an already parsed script at the top level.
    public func runParsed(_ ast: ScriptBlockAst, arguments: [CommandArgument] = [], asScriptFile: Bool, bindArguments: Bool = false) -> RunOutcome {
        addUsingNamespaces(ast.usingStatements)
        var usingModules: UsingModuleScope?
        defer { leaveUsingModules(usingModules) }
        let out = Pipe({ [unowned self] v in self.outDefault(v) })
        out.isOutDefault = true
        defer { outDefaultEnd() }
        let saved = currentScope
        var scope = currentScope
        if asScriptFile {
            // `pwsh -File` runs the script in the global scope (the oracle's scopes-more shows
            // `$global:` and script-level variables are the same there).
            scope = globalScope
            currentScope = scope
            let path = ast.extent.file ?? ""
            scriptFilePath = ast.extent.file
            scope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string((path as NSString).deletingLastPathComponent))
            scope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(path))
            let scriptInvocation = InvocationInfo(commandName: (path as NSString).lastPathComponent, extent: ast.extent)
            // A script's MyCommand is its ExternalScriptInfo: named after the file.
            scriptInvocation.myCommand = .object(CommandInfoObject(name: (path as NSString).lastPathComponent, commandType: "ExternalScript",
                                                                   source: path, version: "", definition: path, declaration: nil))
            scope.variables["myinvocation"] = PSVariable(name: "MyInvocation", value: .object(scriptInvocation))
        }
        defer { currentScope = saved }
        if asScriptFile, !ast.requires.isEmpty, let failure = modules?.checkRequires(ast, path: ast.extent.file ?? "") {
            lastStatementSucceeded = false
            reportUnhandled(failure)
            return .failed
        }
        do {
            usingModules = try enterUsingModules(ast)
            let compiled = self.compiled(ast)
            // The script's own scope keeps its variables in the script's slots.
            currentScope.variables.adopt(compiled.layout)
            if asScriptFile || bindArguments {
                let declaration = try self.declaration(of: ScriptBlock(ast: ast))
                let binder = ParameterBinder(context: self, declaration: declaration.declaration, isAdvanced: declaration.isAdvanced,
                                             invocation: InvocationInfo(commandName: (ast.extent.file ?? ""), extent: nil), errorSuffix: "")
                let bound = try binder.bind(arguments, pipelineExpected: false)
                try initializeParameters(declaration.declaration, compiled, ast: ast, bound: bound.bound, in: scope)
                scope.variables["args"] = PSVariable(name: "args", value: .object(PSArray(bound.unbound)))
                scope.variables["psboundparameters"] = PSVariable(name: "PSBoundParameters", value: .object(bound.bound.asHashtable()))
            }
            for block in [compiled.begin, compiled.process, compiled.end].compactMap({ $0 }) {
                try runTopLevelBlock(block, out)
            }
            outDefaultFlush()
            return .completed
        } catch let e as ExitSignal {
            outDefaultFlush()
            return .exited(e.code)
        } catch let e as RuntimeError {
            lastStatementSucceeded = false
            reportUnhandled(e.record)
            return .failed
        } catch is ReturnSignal {
            outDefaultFlush()
            return .completed
        } catch is BreakSignal {
            outDefaultFlush()
            return .completed
        } catch is ContinueSignal {
            outDefaultFlush()
            return .completed
        } catch is PipelineStoppedSignal {
            // Ctrl+C: pwsh stops the pipeline and returns to the prompt without a message.
            outDefaultFlush()
            lastStatementSucceeded = false
            return .completed
        } catch {
            outDefaultFlush()
            host.writeErrorText("\(error)\n")
            return .failed
        }
    }

    /// Top-level statements: each one's output is flushed through Out-Default before the next,
    /// so a failing statement still shows what came before it. A `return` ends the block; a
    /// `break` or `continue` outside any loop ends the script, as in pwsh.
    func runTopLevelBlock(_ block: CompiledBlock, _ out: Pipe) throws {
        switch try block.runTopLevel(self, out) {
        case .normal: return
        case .returned: throw ReturnSignal.shared
        case .broke: throw BreakSignal.unlabelled
        case .continued: throw ContinueSignal.unlabelled
        }
    }

    /// Takes in the `using namespace` statements of a script about to run.
    func addUsingNamespaces(_ statements: [UsingStatementAst]) {
        for u in statements where u.kind.lowercased() == "namespace" {
            if !usingNamespaces.contains(where: { $0.caseInsensitiveCompare(u.name) == .orderedSame }) { usingNamespaces.append(u.name) }
        }
    }

    /// `Invoke-Expression` / `[scriptblock]::Create`: parses text into a script block.
    public func parseScriptBlock(_ text: String) throws -> ScriptBlock {
        let result = Parser.parse(SourceText(text: text))
        let moduleErrors = result.ast.usingStatements.isEmpty ? [] : usingModuleParseErrors(result.ast, result.errors)
        if let first = result.errors.first ?? moduleErrors.first {
            let ex = PSExceptionObject(first.incompleteInput ? .incompleteParseException : .parseException, first.message)
            let record = ErrorRecord(exception: ex, errorId: first.id, category: .ParserError,
                                     invocationInfo: InvocationInfo(commandName: "", extent: first.extent))
            record.isParseError = true
            throw RuntimeError(record)
        }
        return ScriptBlock(ast: result.ast)
    }
}

/// `$PWD` and Get-Location's output (System.Management.Automation.PathInfo).
public final class PathInfo: PSNativeObject {
    public let path: String
    /// The file-system path behind `path` when `path` is on a drive (`TestDrive:/a`).
    public let providerPath: String

    public init(_ path: String, providerPath: String? = nil) {
        self.path = path
        self.providerPath = providerPath ?? path
    }

    public override var typeFullName: String { "System.Management.Automation.PathInfo" }
    public override var propertyNames: [String] { ["Drive", "Provider", "ProviderPath", "Path"] }
    public override var defaultDisplayProperties: [String]? { ["Path"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "path": return .string(path)
        case "providerpath": return .string(providerPath)
        case "drive": return .string("/")
        case "provider": return .string("Microsoft.PowerShell.Core\\FileSystem")
        default: return nil
        }
    }

    public override func toPSString() -> String { path }
}

/// `$Host`.
public final class HostInfo: PSNativeObject {
    public override var typeFullName: String { "System.Management.Automation.Internal.Host.InternalHost" }
    public override var propertyNames: [String] { ["Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture", "PrivateData", "DebuggerEnabled", "IsRunspacePushed", "Runspace"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "name": return .string("ConsoleHost")
        case "version": return .object(PSSemanticVersion(7, 6, 9))
        case "currentculture", "currentuiculture": return .string("en-US")
        case "debuggerenabled": return .bool(true)
        case "isrunspacepushed": return .bool(false)
        default: return .null
        }
    }

    public override func toPSString() -> String { "System.Management.Automation.Internal.Host.InternalHost" }
}

/// A command as `Get-Command` returns it (CmdletInfo, FunctionInfo, AliasInfo, ApplicationInfo).
public final class CommandInfoObject: PSNativeObject {
    public let name: String
    public let commandType: String
    public let source: String
    public let version: String
    public let definition: String
    public let declaration: CommandDeclaration?
    /// An AliasInfo's own members: `Description`, `Options` and `ResolvedCommandName` (the
    /// command the alias chain ends at; nil when it names nothing).
    public var aliasDescription = ""
    public var aliasOptions = "None"
    public var resolvedCommandName: String?
    /// The module that defined the command, when it is a loaded script module.
    public weak var module: PSModuleInfo?
    /// A function's or filter's script block (FunctionInfo.ScriptBlock).
    public var scriptBlock: ScriptBlock?
    /// Parameters, ParameterSets, DefaultParameterSet and OutputType, which the cmdlets
    /// layer builds from the declaration (it knows how syntax is written).
    public nonisolated(unsafe) static var metadataProperty: ((CommandInfoObject, String) -> Value?)?

    public init(name: String, commandType: String, source: String, version: String, definition: String, declaration: CommandDeclaration?) {
        self.name = name
        self.commandType = commandType
        self.source = source
        self.version = version
        self.definition = definition
        self.declaration = declaration
    }

    public override var typeFullName: String {
        switch commandType {
        case "Cmdlet": return "System.Management.Automation.CmdletInfo"
        case "Function", "Filter": return "System.Management.Automation.FunctionInfo"
        case "Alias": return "System.Management.Automation.AliasInfo"
        case "ExternalScript": return "System.Management.Automation.ExternalScriptInfo"
        default: return "System.Management.Automation.ApplicationInfo"
        }
    }

    public override var propertyNames: [String] {
        var names = ["CommandType", "Name", "Version", "Source", "Definition", "ModuleName", "Parameters", "ParameterSets", "OutputType", "HelpUri"]
        switch commandType {
        case "Alias": names += ["DisplayName", "ReferencedCommand", "ResolvedCommand"]
        case "Cmdlet": names += ["Verb", "Noun", "ImplementingType"]
        case "Function", "Filter": names += ["Verb", "Noun", "ScriptBlock"]
        default: break
        }
        return names
    }

    public override var defaultDisplayProperties: [String]? { ["CommandType", "Name", "Version", "Source"] }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "commandtype": return .string(commandType)
        case "source", "modulename": return .string(source)
        case "version": return .string(version)
        case "definition": return .string(definition)
        case "helpuri": return .string(declaration?.helpUri ?? "")
        case "description" where commandType == "Alias": return .string(aliasDescription)
        case "options" where commandType == "Alias": return .string(aliasOptions)
        case "resolvedcommandname" where commandType == "Alias": return resolvedCommandName.map { .string($0) } ?? .null
        // AliasInfo.DisplayName `gci -> Get-ChildItem`; the command it names (a CommandInfo
        // shown by its name), and the one its alias chain ends at.
        case "displayname": return .string(commandType == "Alias" ? name + " -> " + definition : name)
        case "referencedcommand" where commandType == "Alias": return .string(definition)
        case "resolvedcommand" where commandType == "Alias": return resolvedCommandName.map { .string($0) } ?? .null
        case "verb" where commandType != "Alias" && commandType != "Application":
            return .string(name.firstIndex(of: "-").map { String(name[..<$0]) } ?? "")
        case "noun" where commandType != "Alias" && commandType != "Application":
            return .string(name.firstIndex(of: "-").map { String(name[name.index(after: $0)...]) } ?? "")
        case "implementingtype" where commandType == "Cmdlet": return .string(declaration?.implementingTypeName ?? "")
        case "module": return module.map { .object($0) } ?? .null
        case "scriptblock" where commandType == "Function" || commandType == "Filter":
            return scriptBlock.map { .object($0) } ?? .null
        case "parameters", "parametersets", "defaultparameterset", "outputtype":
            return CommandInfoObject.metadataProperty?(self, n.lowercased()) ?? .null
        default: return nil
        }
    }

    public override func toPSString() -> String { name }
}
