import Foundation
import PowerShellSyntax

/// One PowerShell session: scopes, the command table, the current location, the error list
/// and the host. The interpreter's evaluation functions are extensions of this class
/// (Interpreter*.swift), so running code needs no other object.
public final class ExecutionContext {
    public let host: PSHostInterface
    public let hooks = RuntimeHooks()
    public let globalScope: Scope
    /// The scope code runs in now.
    public var currentScope: Scope
    /// Compiled-in commands by lower-cased name.
    public private(set) var cmdlets: [String: CmdletRegistration] = [:]
    /// Commands whose names are module-qualified too (`Microsoft.PowerShell.Utility\Select-Object`).
    public private(set) var cmdletModules: [String: String] = [:]
    /// `$Error`: newest first.
    public let errorList = PSArray([], kind: .arrayList)
    /// The current directory (pwsh's FileSystem location).
    public var currentLocation: String
    public var locationStack: [String] = []
    /// Nesting depth of function and script block calls (pwsh stops at 1000 with
    /// "The script failed due to call depth overflow.").
    public var callDepth = 0
    public static let maxCallDepth = 1000
    /// Script-defined classes and enums by lower-cased name.
    public var userTypes: [String: PSType] = [:]
    /// True for `-NonInteractive` (Read-Host and mandatory prompts fail).
    public var nonInteractive = false
    /// The values of `$using:` variables in a ForEach-Object -Parallel task's session, by
    /// lower-cased name (nil elsewhere: `$using:x` then reads `$x`).
    public var usingValues: [String: Value]?
    /// Whether programs started without pipeline input read teamsh's own stdin (true unless
    /// teamsh reads its commands from stdin); otherwise they get /dev/null unless interactive.
    public var programsInheritStdin = false
    /// `$?`: whether the last statement succeeded.
    public var lastStatementSucceeded = true
    /// `$LASTEXITCODE`: nil until a native program or script has set it.
    public var lastExitCode: Int32?
    /// The module whose file is being loaded (set by the module layer while the file runs).
    public var loadingModule: PSModuleInfo?
    /// The module whose code is running (nil: the global session state): the module being
    /// loaded, else the module of the nearest module scope up the current scope chain.
    public var currentModule: PSModuleInfo? { loadingModule ?? currentScope.enclosingModule }
    /// The stream routing of the command that is running: commands it runs start from it.
    var streamRouting = StreamRouting()
    /// `$args` arrays of running functions that hold parameter names (`f -c 3` in a function
    /// without `-c`): the indices of those names, so `@args` passes them on as names.
    var argsParameterNames: [ObjectIdentifier: Set<Int>] = [:]
    /// The error the innermost running catch block handles (a bare `throw` rethrows it).
    var currentCatchRecord: ErrorRecord?
    /// Output redirected to files (`> file`), written when the pipeline ends.
    var pendingFileWrites: [(path: String, append: Bool, values: () -> [Value])] = []
    /// Formats objects for a file as Out-File does. Installed by the formatting layer.
    public var formatForFile: ([Value]) -> String = { vs in vs.map { Conversion.toString($0) + "\n" }.joined() }
    /// Called for a command name nothing resolves (module autoload): the module layer imports
    /// what exports the name and returns true, and the lookup is tried once more.
    public var commandNotFoundHook: ((String) -> Bool)?
    /// Commands that installed modules export but that are not imported yet (the highest
    /// version of each), so `Get-Command` lists them as pwsh's module analysis does. Installed
    /// by the module layer.
    public var availableModuleCommands: (() -> [CommandInfoObject])?
    /// Set by the hook when a module exports the name but cannot be imported: the command then
    /// fails with this message (CouldNotAutoloadMatchingModule) instead of "not recognized".
    public var autoloadFailureMessage: String?
    /// Makes a new session like this one (the same cmdlets, modules and world, at the same
    /// location) for `[powershell]::Create()` and ForEach-Object -Parallel tasks to run
    /// commands in; installed by whoever builds sessions.
    public var runspaceFactory: (() -> ExecutionContext)?
    /// The loaded module with a name (installed by the module layer), for code that must run
    /// in a module's scope (`InModuleScope`, `Mock -ModuleName`).
    public var loadedModuleLookup: ((String) -> PSModuleInfo?)?
    /// Checks a script's `#Requires` lines before it runs (installed by the module layer): the
    /// error to report, or nil when every requirement is met. Arguments: the script, its path.
    public var requiresCheck: ((ScriptBlockAst, String) -> ErrorRecord?)?
    /// State that layers above the runtime keep per session (the module system, the tenant),
    /// by a key of their choosing.
    public var extensionState: [String: AnyObject] = [:]
    /// Called after each top-level statement of a script, `-Command` text or REPL line (the
    /// module layer forces the world file's new changes to the disk then).
    public var topLevelStatementCompleted: (() -> Void)?
    /// Inside a class method: where `return` puts the method's result (other output is dropped).
    var methodReturnSink: Pipe?
    /// The formatting layer's per-session state (its view registry), kept opaque here.
    public var formattingState: AnyObject?
    /// Output nobody wants (a `for` loop's initializer and iterator).
    let discardPipe = Pipe({ _ in })
    /// Emptied collecting pipes kept for reuse by `(call)` expressions, which run once per call.
    private var spareCollectors: [Pipe] = []

    /// Function scopes the fast call path may reuse.
    private var spareScopes: [Scope] = []

    /// A new child scope of the current one, recycled when one is spare.
    @inline(__always)
    func makeCallScope() -> Scope {
        guard let scope = spareScopes.popLast() else { return Scope(parent: currentScope) }
        scope.reattach(to: currentScope)
        return scope
    }

    /// Takes back a call's scope once the call is over; one that something still holds (a
    /// closure, a variable's value) is left alone.
    @inline(__always)
    func retireCallScope(_ scope: inout Scope) {
        guard spareScopes.count < 16, scope.isRecyclable, isKnownUniquelyReferenced(&scope) else { return }
        scope.clearForReuse()
        spareScopes.append(scope)
    }

    /// A collecting pipe, reused when one is spare.
    @inline(__always)
    func borrowCollector() -> Pipe {
        spareCollectors.popLast() ?? Pipe()
    }

    /// Takes a collector back once its result has been read; one that something else still
    /// holds is left alone.
    @inline(__always)
    func giveBack(_ collector: inout Pipe) {
        guard spareCollectors.count < 32, isKnownUniquelyReferenced(&collector) else { return }
        // One item (the usual call result) is dropped without the general range removal.
        if collector.items.count == 1 {
            collector.items.removeLast()
        } else {
            collector.items.removeAll(keepingCapacity: true)
        }
        spareCollectors.append(collector)
    }
    /// How many `try` bodies (or blocks with traps) enclose the running code: while any does,
    /// statement-terminating errors travel up to them instead of being reported in place.
    var tryDepth = 0
    /// The last statement completed inside a `$( )`, `@( )` or hashtable value: pwsh's current
    /// position stays there until the next sequence point (see ErrorPosition.swift).
    var lastNestedSequencePoint: SourceExtent?
    /// `using namespace X` statements run so far: a type name not found as written is looked for
    /// in each (pwsh's TypeResolutionState namespaces).
    /// NOTE: pwsh applies a file's `using namespace` to that file's type names at parse time;
    /// here they apply to the session from the moment the statement runs.
    var usingNamespaces: [String] = []
    /// The frame of each active call, by depth (see CallStack.swift).
    var callFrames: [CallFrame] = []
    /// The script run with `-File`, the outermost frame Get-PSCallStack shows.
    var scriptFilePath: String?
    /// Bumped whenever functions, aliases or modules change, so call sites re-resolve.
    public var commandTableGeneration = 0

    /// Out-Default: formats a value for the host. Installed by the formatting layer; until
    /// then values print in their string form.
    public var outDefault: (Value) -> Void
    /// Ends an Out-Default run (flushes a pending table); called after each top-level statement.
    public var outDefaultFlush: () -> Void = {}
    /// Ends a whole top-level run (a script, a `-Command`, one REPL input): pwsh's Out-Default
    /// keeps one table open across the statements of a script, and closes it here.
    public var outDefaultEnd: () -> Void = {}
    /// Renders an error record for the host (ConciseView). Installed by the formatting layer.
    public var renderError: (ErrorRecord) -> String = { "\($0.message)\n" }
    /// Renders parse errors of one text.
    public var renderParseErrors: ([ParseError]) -> String = { errs in errs.map { "ParserError: \($0.message)\n" }.joined() }
    /// Write-Warning/Verbose/Debug/Information text: (stream name, text). Installed by the host layer.
    public var writeStreamText: (_ stream: RedirectionStream, _ text: String) -> Void

    public init(host: PSHostInterface, currentLocation: String = FileManager.default.currentDirectoryPath) {
        self.host = host
        let g = Scope(parent: nil)
        globalScope = g
        currentScope = g
        self.currentLocation = currentLocation
        outDefault = { v in host.writeOutput(Conversion.toString(v) + "\n") }
        writeStreamText = { stream, text in
            switch stream {
            case .warning: host.writeOutput("WARNING: \(text)\n")
            case .verbose: host.writeOutput("VERBOSE: \(text)\n")
            case .debug: host.writeOutput("DEBUG: \(text)\n")
            default: host.writeOutput(text + "\n")
            }
        }
        installHooks()
        installAutomaticVariables()
    }

    // MARK: - Commands

    /// Adds compiled-in commands (a module's cmdlets) to the command table.
    public func register(_ registrations: [CmdletRegistration]) {
        for r in registrations {
            cmdlets[r.declaration.name.lowercased()] = r
            if !r.declaration.moduleName.isEmpty {
                cmdletModules[(r.declaration.moduleName + "\\" + r.declaration.name).lowercased()] = r.declaration.name
            }
        }
        commandTableGeneration += 1
    }

    public func unregister(names: [String]) {
        for n in names { cmdlets.removeValue(forKey: n.lowercased()) }
        commandTableGeneration += 1
    }

    /// Defines an alias in the global scope.
    public func setAlias(_ name: String, _ definition: String, options: VariableOptions = [], scope: Scope? = nil) {
        let alias = AliasInfo(name: name, definition: definition, options: options)
        alias.moduleName = currentModule?.name ?? ""
        (scope ?? globalScope).aliases[name.lowercased()] = alias
        commandTableGeneration += 1
    }

    /// Removes an alias from the scope that holds it (Remove-Alias).
    public func removeAlias(_ name: String, from scope: Scope) {
        scope.aliases[name.lowercased()] = nil
        commandTableGeneration += 1
    }

    // MARK: - Variables

    /// Reads a variable by name from the current scope chain.
    public func variableValue(_ name: String) -> Value? {
        let folded = name.lowercased()
        if folded == "myinvocation" { return lazyInvocation() }
        return currentScope.lookup(folded)?.value
    }

    /// What `$MyInvocation.MyCommand` and Get-Command show for a script function.
    /// A function as Get-Command shows it; a module's function carries the module and its
    /// version (pwsh's CommandInfo.Module and .Version).
    public static func commandInfo(of f: FunctionInfo) -> CommandInfoObject {
        let info = CommandInfoObject(name: f.name, commandType: f.isFilter ? "Filter" : "Function", source: f.moduleName,
                                     version: f.module?.version ?? "", definition: f.scriptBlock.text, declaration: f.declaration)
        info.module = f.module
        info.scriptBlock = f.scriptBlock
        return info
    }

    /// `$MyInvocation`: the nearest scope's variable, or one made on first read for a scope the
    /// fast call path created.
    func lazyInvocation() -> Value? {
        var s: Scope? = currentScope
        while let scope = s {
            if let v = scope.variables["myinvocation"] { return v.value }
            if let f = scope.invocationFunction {
                let invocation = InvocationInfo(commandName: f.name, extent: scope.invocationSite?.extent)
                invocation.myCommand = .object(ExecutionContext.commandInfo(of: f))
                let info = PSVariable(name: "MyInvocation", value: .object(invocation))
                scope.variables["myinvocation"] = info
                return info.value
            }
            s = scope.parent
        }
        return nil
    }

    /// Sets a variable in the current scope (or the named scope: `global`, `script`, `local`,
    /// `private`, or a number of levels up).
    public func setVariable(_ name: String, _ value: Value, scope: String? = nil) throws {
        let target = try resolveScope(scope)
        try assignVariable(in: target, folded: name.lowercased(), name: name, value: value, privateVar: scope?.lowercased() == "private")
    }

    /// Finds the scope a scope specifier names.
    public func resolveScope(_ specifier: String?) throws -> Scope {
        guard let s = specifier?.lowercased(), !s.isEmpty else { return currentScope }
        switch s {
        case "global": return globalScope
        case "script": return currentScope.scriptScopeOrSelf
        case "local", "private": return currentScope
        default:
            if let n = Int(s), n >= 0, let sc = currentScope.ancestor(n) { return sc }
            throw RuntimeError(.psArgumentException,
                               "The scope number '\(s)' exceeds the number of active scopes. (Parameter 'Scope')\nActual value was \(s).",
                               errorId: "ArgumentOutOfRange", category: .InvalidArgument)
        }
    }

    /// Writes a variable in one scope, honouring read-only/constant and type constraints.
    public func assignVariable(in scope: Scope, folded: String, name: String, value: Value, privateVar: Bool = false) throws {
        if let existing = scope.variables[folded] {
            if existing.isReadOnlyOrConstant { throw variableNotWritable(existing.name) }
            let converted = try existing.typeConstraint.map { try transform(value, to: $0) } ?? value
            if !existing.validations.isEmpty {
                // pwsh checks before storing: a rejected value leaves the variable as it was.
                if existing.validations.contains(where: { $0.failure(converted, context: self) != nil }) {
                    throw invalidVariableValue(existing.name, converted)
                }
            }
            existing.value = converted
            return
        }
        let v = PSVariable(name: name, value: value, options: privateVar ? [.private] : [])
        scope.variables[folded] = v
    }

    /// Runs `body` as code inside a `try` block runs: statement-terminating errors travel up as
    /// thrown errors instead of being reported in place (a test runner catches them per test).
    public func runAsInsideTry<T>(_ body: () throws -> T) rethrows -> T {
        tryDepth += 1
        defer { tryDepth -= 1 }
        return try body()
    }

    // MARK: - Errors

    /// Adds an error to `$Error` (newest first; pwsh keeps 256).
    public func recordError(_ record: ErrorRecord) {
        errorList.items.insert(.object(record), at: 0)
        if errorList.items.count > 256 { errorList.items.removeLast() }
    }

    /// Reports an error that nobody handled: recorded and shown on stderr.
    public func reportUnhandled(_ record: ErrorRecord, record addToList: Bool = true) {
        if addToList { recordError(record) }
        outDefaultFlush()
        host.writeErrorText(renderError(record))
    }

    /// `$LASTEXITCODE` (a global variable) after a native program or an `exit` in a script file.
    func setLastExitCode(_ code: Int32) throws {
        lastExitCode = code
        try assignVariable(in: globalScope, folded: "lastexitcode", name: "LASTEXITCODE", value: .int(code))
    }

    // MARK: - Paths

    /// File-system drives beyond the root (New-PSDrive -PSProvider FileSystem, Pester's
    /// `TestDrive:`): lower-cased drive name → the directory it stands for.
    public var fileSystemDrives: [String: String] = [:]

    /// Makes a path absolute against the current location: `~`, and a path on one of the
    /// `fileSystemDrives` (`TestDrive:\x`) maps to the drive's directory. A backslash is a
    /// path separator, as pwsh's FileSystem provider treats it on Unix.
    public func resolvePath(_ path: String) -> String {
        var p = path.replacingOccurrences(of: "\\", with: "/")
        if !fileSystemDrives.isEmpty, let colon = p.firstIndex(of: ":"),
           let root = fileSystemDrives[p[..<colon].lowercased()] {
            p = root + "/" + p[p.index(after: colon)...]
        }
        if p == "~" { p = homeDirectory }
        else if p.hasPrefix("~/") { p = homeDirectory + String(p.dropFirst(1)) }
        if !p.hasPrefix("/") { p = currentLocation == "/" ? "/" + p : currentLocation + "/" + p }
        return ExecutionContext.normalize(p)
    }

    public var homeDirectory: String { ProcessInfo.processInfo.environment["HOME"] ?? "/root" }

    /// Removes `.` and `..` segments and duplicate slashes.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for seg in path.split(separator: "/", omittingEmptySubsequences: true) {
            if seg == "." { continue }
            if seg == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(seg)
        }
        return "/" + parts.joined(separator: "/")
    }
}

