import Foundation
import PowerShellSyntax

/// Variables and scopes: global, script, function and script-block scopes chained to their
/// parents, with pwsh's lookup rules (`$x` reads up the chain and writes locally; `$script:`,
/// `$global:`, `$local:`, `$private:` qualify; numeric scopes for the variable cmdlets).

/// Variable options (`New-Variable -Option`).
public struct VariableOptions: OptionSet {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let readOnly = VariableOptions(rawValue: 1)
    public static let constant = VariableOptions(rawValue: 2)
    public static let `private` = VariableOptions(rawValue: 4)
    public static let allScope = VariableOptions(rawValue: 8)

    /// pwsh's text: `None`, `ReadOnly, AllScope`, …
    public var text: String {
        var parts: [String] = []
        if contains(.readOnly) { parts.append("ReadOnly") }
        if contains(.constant) { parts.append("Constant") }
        if contains(.private) { parts.append("Private") }
        if contains(.allScope) { parts.append("AllScope") }
        return parts.isEmpty ? "None" : parts.joined(separator: ", ")
    }
}

/// A variable (`System.Management.Automation.PSVariable`). A class so that closures, scopes and
/// `Get-Variable` share one object.
public final class PSVariable: PSNativeObject {
    public let name: String
    public var value: Value
    public var options: VariableOptions { didSet { updatePlain() } }
    public var description: String = ""
    /// `[int]$x = 1` makes every later assignment convert to this type.
    public var typeConstraint: PSType? { didSet { updatePlain() } }
    /// Validation attributes from a parameter declaration, re-checked on assignment.
    public var validations: [ParameterValidation] = [] { didSet { updatePlain() } }
    /// No type constraint, no validation, not read-only or constant: an assignment just stores
    /// the value (the evaluator checks this one flag on every write).
    public private(set) var isPlain: Bool

    public init(name: String, value: Value, options: VariableOptions = [], typeConstraint: PSType? = nil) {
        self.name = name
        self.value = value
        self.options = options
        self.typeConstraint = typeConstraint
        isPlain = typeConstraint == nil && !options.contains(.readOnly) && !options.contains(.constant)
        if options.contains(.allScope) { PSVariable.allScopeNames.insert(name.lowercased()) }
    }

    private func updatePlain() {
        if options.contains(.allScope) { PSVariable.allScopeNames.insert(name.lowercased()) }
        isPlain = typeConstraint == nil && validations.isEmpty && !options.contains(.readOnly) && !options.contains(.constant)
    }

    public override var typeFullName: String { "System.Management.Automation.PSVariable" }
    public override var propertyNames: [String] { ["Name", "Description", "Value", "Visibility", "Module", "ModuleName", "Options", "Attributes"] }
    public override var defaultDisplayProperties: [String]? { ["Name", "Value"] }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "value": return value
        case "description": return .string(description)
        case "options": return .string(options.text)
        case "visibility": return .string("Public")
        case "module": return .null
        case "modulename": return .string("")
        case "attributes": return .object(PSArray([]))
        default: return nil
        }
    }

    public override func setProperty(_ n: String, _ v: Value) -> Bool {
        switch n.lowercased() {
        case "value": value = v; return true
        case "description": description = Conversion.toString(v); return true
        default: return false
        }
    }

    public var isReadOnlyOrConstant: Bool { options.contains(.readOnly) || options.contains(.constant) }
}

/// One scope. Variables are keyed by their lower-cased name (folded once by the resolver);
/// functions and aliases defined in a scope live here too, as in pwsh.
public final class Scope {
    public private(set) var parent: Scope?
    /// The script scope this scope belongs to (itself for a script or the global scope).
    /// An ancestor, which this scope keeps alive through `parent`, so no weak reference is needed.
    public private(set) unowned(unsafe) var scriptScope: Scope?
    /// Variables by folded name (see VariableTable for why it is a class of its own).
    public let variables = VariableTable()

    /// Changes whenever a scope that a cached lookup walked through gains a variable, or any
    /// scope loses one.
    public nonisolated(unsafe) static var generation: UInt64 = 0
    public var functions: [String: FunctionInfo] = [:] {
        didSet {
            Scope.commandGeneration &+= 1
            noteLocalCommands()
        }
    }
    public var aliases: [String: AliasInfo] = [:] {
        didSet {
            Scope.commandGeneration &+= 1
            noteLocalCommands()
        }
    }
    /// Changes whenever any scope's functions or aliases change, so a command resolution cached
    /// for a scope (see `CommandResolution`) is made again.
    public nonisolated(unsafe) static var commandGeneration: UInt64 = 0
    /// How many function scopes (neither global nor a script's) hold functions or aliases now.
    /// While there are none, nothing between a call and its script scope can hide a name, so a
    /// direct call may use what its site found before (Invocation.swift's `directCallTarget`):
    /// when there are some, one of them may be a caller still running in another pipeline
    /// stage, which the site's earlier lookup did not pass through.
    nonisolated(unsafe) static var localCommandScopes = 0
    private var countsAsLocalCommands = false

    private func noteLocalCommands() {
        let holds = !isGlobal && !selfIsScript && !(functions.isEmpty && aliases.isEmpty)
        guard holds != countsAsLocalCommands else { return }
        countsAsLocalCommands = holds
        Scope.localCommandScopes += holds ? 1 : -1
    }

    deinit {
        if countsAsLocalCommands { Scope.localCommandScopes -= 1 }
    }
    /// For a scope made by a direct function call: what its automatic variables (`$args`,
    /// `$input`, `$PSBoundParameters`, `$MyInvocation`) are made from on first read, so a call
    /// that never reads them never builds them.
    var call: DirectCall? { hasCall ? callRecord : nil }
    private var hasCall = false
    /// The call record this scope keeps for its direct calls (scopes are pooled).
    private var callRecord: DirectCall?
    /// The module whose session state this is the module scope of (nil for every other scope).
    public weak var module: PSModuleInfo?
    /// `Set-StrictMode -Version` in effect from this scope down (0 = off).
    public var strictModeVersion: Int?
    public let isGlobal: Bool
    /// A number no other scope of this process has, so caches can name a scope without
    /// holding it. A recycled scope gets a new one.
    public private(set) var id: UInt64
    private nonisolated(unsafe) static var nextID: UInt64 = 1

    public init(parent: Scope?, isScript: Bool = false) {
        id = Scope.nextID
        Scope.nextID &+= 1
        self.parent = parent
        self.isGlobal = parent == nil
        if parent == nil || isScript {
            self.scriptScope = nil
        } else {
            self.scriptScope = parent?.scriptScopeOrSelf
        }
        if parent == nil || isScript { selfIsScript = true }
    }

    private var selfIsScript = false

    /// Empties a function scope nothing refers to any more, so it can wait in a pool: it lets
    /// go of its parent (which may then be pooled too) and of everything it held.
    func clearForReuse() {
        parent = nil
        scriptScope = nil
        variables.removeAllForRecycling()
        if !functions.isEmpty { functions = [:] }
        if !aliases.isEmpty { aliases = [:] }
        if hasCall {
            callRecord.unsafelyUnwrapped.reset()
            hasCall = false
        }
        strictModeVersion = nil
    }

    /// Marks this (new or recycled) scope as a direct call's and returns its call record.
    @inline(__always)
    func startCall(_ function: FunctionInfo?, site: CommandAst?) -> DirectCall {
        if callRecord == nil { callRecord = DirectCall() }
        let c = callRecord.unsafelyUnwrapped
        c.function = function
        c.site = site
        hasCall = true
        return c
    }

    /// Prepares this new or recycled scope for a direct call of `plan` from `site`: its slots
    /// take the function's layout and its call record names the function and the site. The
    /// record and the table are returned unretained: the scope holds them while the call runs.
    @inline(never)
    func beginDirectCall(_ plan: DirectCallPlan, site: CommandAst) -> (Unmanaged<DirectCall>, Unmanaged<VariableTable>) {
        variables.reset(to: plan.layout)
        if callRecord == nil { callRecord = DirectCall() }
        let c = callRecord.unsafelyUnwrapped
        c.function = plan.function
        c.site = site
        hasCall = true
        return (Unmanaged.passUnretained(c), Unmanaged.passUnretained(variables))
    }

    /// Makes a cleared scope a fresh child of `parent`, as if just created: a new id, so no
    /// cached lookup names it.
    @inline(never)
    func reattach(to newParent: Scope) {
        id = Scope.nextID
        Scope.nextID &+= 1
        parent = newParent
        if newParent.selfIsScript {
            scriptScope = newParent
        } else {
            scriptScope = newParent.scriptScope
        }
    }

    /// Whether the call path may pool this scope: a plain function scope (not global or script).
    var isRecyclable: Bool { !isGlobal && !selfIsScript }

    /// The nearest enclosing script scope (or this one).
    public var scriptScopeOrSelf: Scope {
        if selfIsScript { return self }
        return scriptScope ?? self
    }

    /// A variable of this very scope, including the automatic variables of a direct call,
    /// made when first asked for.
    @inline(__always)
    public func variable(_ folded: String) -> PSVariable? {
        if let v = variables[folded] { return v }
        guard let c = call else { return nil }
        return c.materialize(folded, in: self)
    }

    /// Finds a variable by folded name, walking up; private variables of outer scopes are
    /// invisible (`$private:x`).
    public func lookup(_ folded: String) -> PSVariable? {
        if let v = variable(folded) { return v }
        var s = parent
        while let scope = s {
            if let v = scope.variable(folded), !v.options.contains(.private) { return v }
            s = scope.parent
        }
        return nil
    }

    /// `lookup` for a cache: marks every table it walks through, so a variable later added to
    /// any of them invalidates the cache (see `VariableTable.seenByCache`).
    func lookupForCache(_ folded: String) -> PSVariable? {
        var s: Scope? = self
        var first = true
        while let scope = s {
            scope.variables.seenByCache = true
            if let v = scope.variable(folded), first || !v.options.contains(.private) { return v }
            first = false
            s = scope.parent
        }
        return nil
    }

    /// The scope `n` levels up (0 = this one), for `-Scope 1`.
    public func ancestor(_ n: Int) -> Scope? {
        var s: Scope? = self
        var i = 0
        while i < n, let c = s {
            s = c.parent
            i += 1
        }
        return s
    }

    public var global: Scope {
        var s = self
        while let p = s.parent { s = p }
        return s
    }

    /// Every variable of this scope, the automatic ones of a direct call made first
    /// (Get-Variable lists them).
    public var allVariables: VariableTable {
        if let c = call {
            for name in DirectCall.automaticNames { _ = c.materialize(name, in: self) }
        }
        return variables
    }

    /// The module this scope's code runs in: the nearest module scope up the chain.
    public var enclosingModule: PSModuleInfo? {
        var s: Scope? = self
        while let scope = s {
            if let m = scope.module { return m }
            s = scope.parent
        }
        return nil
    }

    public func lookupFunction(_ folded: String) -> FunctionInfo? {
        var s: Scope? = self
        while let scope = s {
            if let f = scope.functions[folded] { return f }
            s = scope.parent
        }
        return nil
    }

    public func lookupAlias(_ folded: String) -> AliasInfo? {
        var s: Scope? = self
        while let scope = s {
            if let a = scope.aliases[folded] { return a }
            s = scope.parent
        }
        return nil
    }

    /// The strict mode version in effect here.
    public var effectiveStrictMode: Int {
        var s: Scope? = self
        while let scope = s {
            if let v = scope.strictModeVersion { return v }
            s = scope.parent
        }
        return 0
    }
}

/// A function or filter defined by a script (`System.Management.Automation.FunctionInfo`).
public final class FunctionInfo {
    public let name: String
    public var scriptBlock: ScriptBlock { parts.scriptBlock }
    public var isFilter: Bool { parts.isFilter }
    /// The declaration the binder uses, built once from the param block.
    public var declaration: CommandDeclaration { parts.declaration }
    /// `[CmdletBinding()]` or any `[Parameter()]`: advanced functions get common parameters and
    /// strict binding.
    public var isAdvanced: Bool { parts.isAdvanced }
    public var moduleName: String
    /// The module that defined it (nil outside modules, or once the module is gone).
    public weak var module: PSModuleInfo?
    public var options: VariableOptions = []
    /// The `function` statement that defined it (its comment-based help is found around it);
    /// nil for a function made from a script block (`Set-Item function:f { … }`).
    public var definition: FunctionDefinitionAst? {
        get { parts.definition }
        set { parts.definition = newValue }
    }
    /// The interpreter's direct-call plan (or NSNull when the function has none), worked out
    /// on first call.
    var directCallState: AnyObject?

    /// What a `function` statement (or a script block) makes of the function.
    final class Parts {
        let scriptBlock: ScriptBlock
        let isFilter: Bool
        let declaration: CommandDeclaration
        let isAdvanced: Bool
        var definition: FunctionDefinitionAst?

        init(scriptBlock: ScriptBlock, isFilter: Bool, declaration: CommandDeclaration, isAdvanced: Bool, definition: FunctionDefinitionAst?) {
            self.scriptBlock = scriptBlock
            self.isFilter = isFilter
            self.declaration = declaration
            self.isAdvanced = isAdvanced
            self.definition = definition
        }
    }

    /// The text defining the functions a session starts with, shared by them: parsed the first
    /// time one of them is read, each declared the first time it is read
    /// (`ExecutionContext.defineDeferredFunctions`).
    final class Deferred {
        let text: String
        /// The session that defined them, whose global scope they are declared in.
        weak var context: ExecutionContext?
        /// The text's statements, once parsed.
        var statements: [StatementAst]?

        init(text: String, context: ExecutionContext) {
            self.text = text
            self.context = context
        }
    }

    private enum State {
        case ready(Parts)
        case deferred(Deferred)
    }

    private var state: State

    var parts: Parts {
        switch state {
        case .ready(let parts):
            return parts
        case .deferred(let deferred):
            // NOTE: a function whose session is gone (only its FunctionInfo object is left)
            // is declared in a new session: a start-up function's declaration uses constants
            // and built-in types only, so it is the same in any session.
            let context = deferred.context ?? ExecutionContext(host: BufferHost())
            let parts = context.deferredFunctionParts(name: name, from: deferred)
            state = .ready(parts)
            return parts
        }
    }

    public init(name: String, scriptBlock: ScriptBlock, isFilter: Bool, declaration: CommandDeclaration, isAdvanced: Bool, moduleName: String = "") {
        self.name = name
        self.state = .ready(Parts(scriptBlock: scriptBlock, isFilter: isFilter, declaration: declaration, isAdvanced: isAdvanced, definition: nil))
        self.moduleName = moduleName
    }

    init(name: String, parts: Parts, moduleName: String) {
        self.name = name
        self.state = .ready(parts)
        self.moduleName = moduleName
    }

    init(name: String, deferred: Deferred) {
        self.name = name
        self.state = .deferred(deferred)
        self.moduleName = ""
    }
}

/// An alias (`gci` → `Get-ChildItem`).
public final class AliasInfo {
    public let name: String
    public var definition: String
    public var options: VariableOptions
    public var description: String = ""
    public var moduleName: String = ""

    public init(name: String, definition: String, options: VariableOptions = []) {
        self.name = name
        self.definition = definition
        self.options = options
    }
}
