import PowerShellSyntax
/// What value-level code (operators, conversions, the .NET member surface) needs from the
/// interpreter running it, without depending on it: running script blocks (`-replace` with a
/// block, `.Where({})`, ScriptMethod members), class methods and constructors, and the two
/// session settings it reads. `ExecutionContext` is the implementation.
public protocol ScriptHost: AnyObject {
    /// Runs a script block with `$_` set to `dollarUnder` and `$args` to `args`; returns its output.
    func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: Value, args: [Value]) throws -> [Value]
    /// Runs a script block in the caller's scope (dot-sourced), as `.ForEach({})` and
    /// `.Where({})` do: variables it assigns persist; `$_` and `$args` are restored after.
    func invokeScriptBlockInCallerScope(_ block: ScriptBlock, dollarUnder: Value, args: [Value]) throws -> [Value]
    /// Runs a script block with `$this` bound (ScriptMethod / ScriptProperty members).
    func invokeWithThis(_ block: ScriptBlock, this: Value, args: [Value]) throws -> Value
    /// Calls a method of a script-defined class instance (or a static method when `instance` is nil).
    func invokeClassMethod(_ definition: PSClassDefinition, _ instance: PSClassInstance?, _ name: String, _ args: [Value]) throws -> Value
    /// Creates an instance of a script-defined class with constructor arguments.
    func constructClass(_ definition: PSClassDefinition, _ args: [Value]) throws -> Value
    /// Runs a class's static constructor before its first use (once).
    func initializeType(_ definition: PSClassDefinition) throws
    /// `$OFS`, the separator used when an array is converted to a string.
    var outputFieldSeparator: String { get }
    /// Resolves a user-defined type by name (classes and enums defined by scripts, `using namespace`).
    func resolveUserType(_ name: String) -> PSType?
    /// The message when a type name is ambiguous among the running script's `using module`
    /// modules (AmbiguousTypeReference); nil otherwise.
    func ambiguousTypeMessage(_ name: String) -> String?
    /// The ModuleNotFoundDuringParse errors of a parsed text's `using module` statements
    /// (pwsh's SymbolResolver runs as part of parsing).
    func usingModuleParseErrors(_ ast: ScriptBlockAst, _ errors: [ParseError]) -> [ParseError]
    /// `[powershell]::Create()`: a PowerShell instance of the session.
    func createPowerShell() -> Value?
    /// `[runspacefactory]::CreateRunspace()`: a runspace of the session.
    func createRunspace() -> Value?
    /// The session's host, for the members that reach the console (`[Console]::In`, `WriteLine`).
    var console: PSHostInterface? { get }
}

/// The handle value-level code is given (`hooks:` parameters): the `ScriptHost` behind it, when
/// there is one, and the matches of the last `-match`. Without a host (value code used on its
/// own) script blocks produce nothing and `$OFS` is a space.
extension ScriptHost {
    /// A host without `using module` has no ambiguous names.
    public func ambiguousTypeMessage(_ name: String) -> String? { nil }
    /// A host without modules checks nothing.
    public func usingModuleParseErrors(_ ast: ScriptBlockAst, _ errors: [ParseError]) -> [ParseError] { [] }
}

public final class RuntimeHooks {
    /// The interpreter these hooks serve, which owns them and clears this when it goes away.
    /// Not `weak`: a weak reference gives the interpreter a side table, and every retain and
    /// release of it (several per pipeline object) then takes the runtime's slow path.
    public unowned(unsafe) var host: ScriptHost?
    /// The matches of the last successful scalar `-match`, for the interpreter to put in `$Matches`.
    public var lastMatches: PSHashtable?

    public init(host: ScriptHost? = nil) {
        self.host = host
    }

    public func invokeScriptBlock(_ block: ScriptBlock, _ dollarUnder: Value, _ args: [Value]) throws -> [Value] {
        try host?.invokeScriptBlock(block, dollarUnder: dollarUnder, args: args) ?? []
    }

    /// Runs a block as `.ForEach({})` / `.Where({})` do.
    func invokeInCallerScope(_ block: ScriptBlock, _ dollarUnder: Value, _ args: [Value]) throws -> [Value] {
        try host?.invokeScriptBlockInCallerScope(block, dollarUnder: dollarUnder, args: args) ?? []
    }

    public func invokeWithThis(_ block: ScriptBlock, _ this: Value, _ args: [Value]) throws -> Value {
        try host?.invokeWithThis(block, this: this, args: args) ?? .null
    }

    public func invokeClassMethod(_ definition: PSClassDefinition, _ instance: PSClassInstance?, _ name: String, _ args: [Value]) throws -> Value {
        try host?.invokeClassMethod(definition, instance, name, args) ?? .null
    }

    public func constructClass(_ definition: PSClassDefinition, _ args: [Value]) throws -> Value {
        try host?.constructClass(definition, args) ?? .null
    }

    public var outputFieldSeparator: String { host?.outputFieldSeparator ?? " " }

    public func resolveUserType(_ name: String) -> PSType? {
        host?.resolveUserType(name)
    }

    public func ambiguousTypeMessage(_ name: String) -> String? {
        host?.ambiguousTypeMessage(name)
    }

    public func usingModuleParseErrors(_ ast: ScriptBlockAst, _ errors: [ParseError]) -> [ParseError] {
        host?.usingModuleParseErrors(ast, errors) ?? []
    }

    /// `[powershell]::Create()`; nil without a session.
    public func createPowerShell() -> Value? {
        host?.createPowerShell()
    }

    /// `[runspacefactory]::CreateRunspace()`; nil without a session.
    public func createRunspace() -> Value? {
        host?.createRunspace()
    }

    /// Runs a class's static constructor before its first use (once); nothing without a session.
    public func initializeClass(_ definition: PSClassDefinition) throws {
        try host?.initializeType(definition)
    }

    /// The session's host (the console); nil without a session.
    public var console: PSHostInterface? { host?.console }
}
