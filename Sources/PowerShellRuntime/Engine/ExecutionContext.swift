import Foundation
import PowerShellSyntax

/// One PowerShell session: scopes, the command table, the current location, the error list
/// and the host. The interpreter's evaluation functions are extensions of this class
/// (Interpreter*.swift), so running code needs no other object.
public final class ExecutionContext {
    public let host: PSHostInterface
    /// The handle operators, conversions and members reach this interpreter through.
    public let hooks = RuntimeHooks()
    public let globalScope: Scope
    /// The scope code runs in now.
    public var currentScope: Scope {
        didSet { currentTable = Unmanaged.passUnretained(currentScope.variables) }
    }
    /// The variables of `currentScope` (which keeps them alive), held unretained: compiled code
    /// reads them on every variable access, and a retained reference would cost a retain and a
    /// release each time.
    var currentTable: Unmanaged<VariableTable>
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
    public var userTypes: [String: PSType] = [:] { didSet { typeTableGeneration += 1 } }
    /// Bumped whenever a script defines a class or enum, so cached type lookups re-resolve.
    var typeTableGeneration = 0
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
    /// How this session shows output and errors (installed by the formatting layer).
    public var output: SessionOutput
    /// The module layer: autoloading, modules' commands, `#Requires` (installed by it; it lives
    /// in `extensionState`).
    public weak var modules: ModuleProvider?
    /// Set by the module layer when a module exports the name but cannot be imported: the
    /// command then fails with this message (CouldNotAutoloadMatchingModule) instead of "not
    /// recognized".
    public var autoloadFailureMessage: String?
    /// Makes the new session `[powershell]::Create()` runs commands in (installed by whoever
    /// builds sessions: TeamsModule's TeamshSession).
    public var runspaces: RunspaceProvider?
    /// State that layers above the runtime keep per session (the module system, the tenant),
    /// by a key of their choosing.
    public var extensionState: [String: AnyObject] = [:]
    /// Inside a class method: where `return` puts the method's result (other output is dropped).
    var methodReturnSink: Pipe?
    /// The formatting layer's per-session state (its view registry), kept opaque here.
    public var formattingState: AnyObject?
    /// Output nobody wants (a `for` loop's initializer and iterator).
    let discardPipe = Pipe({ _ in })
    /// Emptied collecting pipes kept for reuse by `(call)` expressions, which run once per call.
    private let spareCollectors = SparePool<Pipe>(limit: 32)

    /// Function scopes the call paths may reuse.
    let spareScopes = SparePool<Scope>(limit: 16)

    /// A collecting pipe, reused when one is spare.
    @inline(__always)
    func borrowCollector() -> Pipe {
        spareCollectors.pop() ?? Pipe()
    }

    /// Takes a collector back once its result has been read; one that something else still
    /// holds is left alone.
    @inline(__always)
    func giveBack(_ collector: inout Pipe) {
        guard !spareCollectors.isFull, isKnownUniquelyReferenced(&collector) else { return }
        // One item (the usual call result) is dropped without the general range removal.
        if collector.items.count == 1 {
            collector.items.removeLast()
        } else {
            collector.items.removeAll(keepingCapacity: true)
        }
        spareCollectors.push(collector)
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
    /// The `using module` statements of the scripts running, innermost last (UsingModules.swift).
    var usingModuleScopes: [UsingModuleScope] = []
    /// The frame of each active call, by depth (see CallStack.swift).
    let callFrames = CallFrames()
    /// The script run with `-File`, the outermost frame Get-PSCallStack shows.
    var scriptFilePath: String?
    /// Bumped whenever functions, aliases or modules change, so call sites re-resolve.
    public var commandTableGeneration = 0

    public init(host: PSHostInterface, currentLocation: String = FileManager.default.currentDirectoryPath) {
        self.host = host
        let g = Scope(parent: nil)
        globalScope = g
        currentScope = g
        currentTable = Unmanaged.passUnretained(g.variables)
        self.currentLocation = currentLocation
        output = PlainSessionOutput(host: host)
        hooks.host = self
        installAutomaticVariables()
    }

    deinit {
        // Hooks kept by a value that outlives the session must not reach it.
        hooks.host = nil
    }

    // MARK: - Slots of the current scope

    /// The value in slot `slot` of the current scope, when that scope runs code of layout
    /// `id` and the slot holds a variable.
    @inline(__always)
    func slotValue(layout id: Int, _ slot: Int) -> Value? {
        currentTable._withUnsafeGuaranteedRef { t in t.layoutID == id ? t.slotValue(slot) : nil }
    }

    /// Stores into slot `slot` of the current scope when it runs code of layout `id` and the
    /// slot holds a plain variable; false otherwise.
    @inline(__always)
    func setPlainSlot(layout id: Int, _ slot: Int, _ value: Value) -> Bool {
        currentTable._withUnsafeGuaranteedRef { t in t.layoutID == id && t.setPlainSlot(slot, value) }
    }

    /// Stores into slot `slot` of the current scope when it runs code of layout `id` and the
    /// slot holds a typed parameter's value, converted as a typed variable converts.
    @inline(__always)
    func setTypedSlot(layout id: Int, _ slot: Int, _ value: Value) throws -> Bool {
        try currentTable._withUnsafeGuaranteedRef { t in
            try t.layoutID == id && t.setTypedSlot(slot, value) { v, type in try self.transform(v, to: type) }
        }
    }

    /// The variable in slot `slot` of the current scope, if the scope runs code of layout `id`.
    @inline(__always)
    func slotVariable(layout id: Int, _ slot: Int) -> PSVariable? {
        currentTable._withUnsafeGuaranteedRef { t in t.layoutID == id ? t.slot(slot) : nil }
    }

    /// Creates a variable in slot `slot` when the current scope runs code of layout `id` and
    /// the slot is empty; false otherwise.
    @inline(__always)
    func fillEmptySlot(layout id: Int, _ slot: Int, _ value: Value) -> Bool {
        currentTable._withUnsafeGuaranteedRef { t in
            guard t.layoutID == id, t.slotIsEmpty(slot) else { return false }
            t.fillSlot(slot, value)
            return true
        }
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
        currentScope.lookup(name.foldedForLookup)?.value
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

    public var homeDirectory: String { ProcessEnvironment.value("HOME") ?? "/root" }

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

/// One variable of the process's environment. `ProcessInfo.processInfo.environment` copies the
/// whole environment into a dictionary at every call, which start-up did seven times (an eighth
/// of its work) to read three variables.
public enum ProcessEnvironment {
    public static func value(_ name: String) -> String? {
        // A name with `=` (or none) names no variable: getenv would match a prefix of an entry.
        guard !name.isEmpty, !name.utf8.contains(UInt8(ascii: "=")), !name.utf8.contains(0) else { return nil }
        return getenv(name).map { String(cString: $0) }
    }
}
