import Foundation
import PowerShellSyntax

/// What higher targets plug into a session, as named protocols: the runtime runs scripts, and
/// asks these for what it cannot know itself.
///
/// - `SessionOutput`: how output and errors are shown (PowerShellCmdlets' OutputWiring
///   installs pwsh's formatting; a bare session prints string forms).
/// - `ModuleProvider`: modules that are installed but not imported (TeamsModule's ModuleLayer).
/// - `RunspaceProvider`: a new session like this one, for `[powershell]::Create()`
///   (TeamsModule's TeamshSession).
/// - `ScriptHost` (RuntimeHooks.swift): what value-level code asks the interpreter; the
///   session itself implements it.

/// How a session shows what reaches the host: Out-Default for output, the error views, stream
/// prefixes, and Out-File's text.
public protocol SessionOutput: AnyObject {
    /// Out-Default: formats a value for the host.
    func outDefault(_ value: Value)
    /// Ends an Out-Default run of one top-level statement (flushes a pending table).
    func endStatement()
    /// Ends a whole top-level run (a script, a `-Command`, one REPL input): pwsh's Out-Default
    /// keeps one table open across the statements of a script, and closes it here.
    func endRun()
    /// An error record as the host shows it (ConciseView).
    func render(_ record: ErrorRecord) -> String
    /// The parse errors of one text as the host shows them.
    func render(_ errors: [ParseError]) -> String
    /// Write-Warning/Verbose/Debug/Information text.
    func writeStreamText(_ stream: RedirectionStream, _ text: String)
    /// Objects as Out-File writes them.
    func formatForFile(_ values: [Value]) -> String
}

/// What the module layer answers for command lookup.
public protocol ModuleProvider: AnyObject {
    /// A command name nothing resolves: imports the module that exports it and returns true,
    /// so the lookup is tried once more (pwsh's autoloading).
    func autoload(_ name: String) -> Bool
    /// Commands that installed modules export but that are not imported yet (the highest
    /// version of each), so `Get-Command` lists them as pwsh's module analysis does.
    func availableCommands() -> [CommandInfoObject]
    /// Checks a script's `#Requires` lines before it runs: the error to report, or nil when
    /// every requirement is met.
    func checkRequires(_ ast: ScriptBlockAst, path: String) -> ErrorRecord?
    /// The loaded module with a name, for code that must run in a module's scope
    /// (`InModuleScope`, `Mock -ModuleName`).
    func loadedModule(named name: String) -> PSModuleInfo?
    /// Whether Import-Module would find a module by this name or path (a module file, or a
    /// module folder), for `using module`'s parse-time check.
    func canFindModule(_ nameOrPath: String) -> Bool
    /// Called after each top-level statement of a script, `-Command` text or REPL line (the
    /// module layer forces the world file's new changes to the disk then).
    func topLevelStatementCompleted()
}

/// Makes the session `[powershell]::Create()` and each ForEach-Object -Parallel task run their
/// commands in: the same cmdlets, modules and world as the session asking, at its location,
/// not interactive.
public protocol RunspaceProvider: AnyObject {
    func makeRunspace(for parent: ExecutionContext) -> ExecutionContext
}

/// A bare session's output, until a formatting layer installs its own: values in their string
/// form, errors by their message.
final class PlainSessionOutput: SessionOutput {
    private let host: PSHostInterface

    init(host: PSHostInterface) {
        self.host = host
    }

    func outDefault(_ value: Value) { host.writeOutput(Conversion.toString(value) + "\n") }
    func endStatement() {}
    func endRun() {}
    func render(_ record: ErrorRecord) -> String { "\(record.message)\n" }
    func render(_ errors: [ParseError]) -> String { errors.map { "ParserError: \($0.message)\n" }.joined() }

    func writeStreamText(_ stream: RedirectionStream, _ text: String) {
        switch stream {
        case .warning: host.writeOutput("WARNING: \(text)\n")
        case .verbose: host.writeOutput("VERBOSE: \(text)\n")
        case .debug: host.writeOutput("DEBUG: \(text)\n")
        default: host.writeOutput(text + "\n")
        }
    }

    func formatForFile(_ values: [Value]) -> String { values.map { Conversion.toString($0) + "\n" }.joined() }
}

extension ExecutionContext {
    /// Out-Default for one value.
    public func outDefault(_ value: Value) { output.outDefault(value) }
    /// Ends the Out-Default run of one top-level statement.
    public func outDefaultFlush() { output.endStatement() }
    /// Ends a whole top-level run.
    public func outDefaultEnd() { output.endRun() }
    public func renderError(_ record: ErrorRecord) -> String { output.render(record) }
    public func renderParseErrors(_ errors: [ParseError]) -> String { output.render(errors) }
    public func writeStreamText(_ stream: RedirectionStream, _ text: String) { output.writeStreamText(stream, text) }
    public func formatForFile(_ values: [Value]) -> String { output.formatForFile(values) }
}

/// The session is the `ScriptHost` its value-level code asks.
extension ExecutionContext: ScriptHost {
    public func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: Value, args: [Value]) throws -> [Value] {
        try invokeScriptBlock(block, args: args, dollarUnder: dollarUnder)
    }

    public func invokeScriptBlockInCallerScope(_ block: ScriptBlock, dollarUnder: Value, args: [Value]) throws -> [Value] {
        // A closure keeps its own variables: it runs in its scope as usual.
        if block.closureScope != nil { return try invokeScriptBlock(block, args: args, dollarUnder: dollarUnder) }
        let scope = currentScope
        let saved = (scope.variables["_"], scope.variables["psitem"], scope.variables["args"])
        defer {
            scope.variables["_"] = saved.0
            scope.variables["psitem"] = saved.1
            scope.variables["args"] = saved.2
        }
        return try invokeScriptBlock(block, args: args, dollarUnder: dollarUnder, dotSource: true)
    }

    public func invokeWithThis(_ block: ScriptBlock, this: Value, args: [Value]) throws -> Value {
        collapse(try invokeScriptBlock(block, args: args, dollarUnder: nil, this: this))
    }

    public func constructClass(_ definition: PSClassDefinition, _ args: [Value]) throws -> Value {
        try constructInstance(definition, args)
    }

    public var outputFieldSeparator: String {
        if let v = currentScope.lookup("ofs") { return Conversion.toString(v.value) }
        return " "
    }

    public func createPowerShell() -> Value? {
        .object(PSPowerShell(parent: self))
    }

    public func createRunspace() -> Value? {
        .object(PSRunspace(parent: self))
    }

    public var console: PSHostInterface? { host }

    public func resolveUserType(_ name: String) -> PSType? {
        // An ambiguous name fails where the caller can report it (resolveType).
        if let t = (try? usingModuleType(name)) ?? nil { return t }
        if let t = userTypes[name.lowercased()] { return t }
        // Without the hooks: a namespace is tried once, not prefixed again.
        for ns in usingNamespaces {
            if let t = TypeResolver.resolve(name: ns + "." + name, hooks: nil) { return t }
        }
        // The types the loaded commands declare as output (VerbInfo, PathInfo, AliasInfo, …)
        // are loaded types in pwsh, so `[System.Management.Automation.VerbInfo]` resolves and
        // `-is` tests the objects those commands write, which carry the name. Only names no
        // other rule knows come here, and a resolved type literal is cached by the caller.
        let lower = name.lowercased()
        for r in cmdlets.values {
            if let full = r.declaration.outputTypes.first(where: { $0.lowercased() == lower }), full.contains(".") {
                return PSType(kind: .named, fullName: full)
            }
        }
        return nil
    }
}
