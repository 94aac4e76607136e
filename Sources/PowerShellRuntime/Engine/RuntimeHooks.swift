/// What operators, conversions and member access need from the running interpreter without
/// depending on it: invoking script blocks (`-replace` with a block, `.Where({})`, ScriptMethod
/// members, class methods) and the few session settings they read. The interpreter owns one
/// instance and fills in the closures once at start-up.
public final class RuntimeHooks {
    /// Runs a script block with `$_` set to `dollarUnder` and `$args` to `args`; returns its output.
    public var invokeScriptBlock: (_ block: ScriptBlock, _ dollarUnder: Value, _ args: [Value]) throws -> [Value]
    /// Runs a script block in the caller's scope (dot-sourced), as `.ForEach({})` and
    /// `.Where({})` do: variables it assigns persist; `$_` and `$args` are restored after.
    /// Unset: `invokeScriptBlock` is used.
    public var invokeScriptBlockInCallerScope: ((_ block: ScriptBlock, _ dollarUnder: Value, _ args: [Value]) throws -> [Value])?
    /// Runs a script block with `$this` bound (ScriptMethod / ScriptProperty members).
    public var invokeWithThis: (_ block: ScriptBlock, _ this: Value, _ args: [Value]) throws -> Value
    /// Calls a method of a script-defined class instance (or static method when `instance` is nil).
    public var invokeClassMethod: (_ definition: PSClassDefinition, _ instance: PSClassInstance?, _ name: String, _ args: [Value]) throws -> Value
    /// Creates an instance of a script-defined class with constructor arguments.
    public var constructClass: (_ definition: PSClassDefinition, _ args: [Value]) throws -> Value
    /// Runs a class's static constructor before its first use (once).
    public var initializeClass: (_ definition: PSClassDefinition) throws -> Void = { _ in }
    /// `$OFS`, the separator used when an array is converted to a string.
    public var outputFieldSeparator: () -> String
    /// The matches of the last successful scalar `-match`, for the interpreter to put in `$Matches`.
    public var lastMatches: PSHashtable?
    /// Resolves a user-defined type by name (classes and enums defined by scripts).
    public var resolveUserType: (_ name: String) -> PSType?
    /// `[powershell]::Create()`: a PowerShell instance of the session (nil: not available).
    public var createPowerShell: (() -> Value)?
    /// The session's host, for the members that reach the console (`[Console]::In`, `WriteLine`).
    public weak var host: PSHostInterface?
    /// `[runspacefactory]::CreateRunspace()`: a runspace of the session (nil: not available).
    public var createRunspace: (() -> Value)?

    /// Runs a block as `.ForEach({})` / `.Where({})` do.
    func invokeInCallerScope(_ block: ScriptBlock, _ dollarUnder: Value, _ args: [Value]) throws -> [Value] {
        try (invokeScriptBlockInCallerScope ?? invokeScriptBlock)(block, dollarUnder, args)
    }

    public init() {
        invokeScriptBlock = { _, _, _ in [] }
        invokeWithThis = { _, _, _ in .null }
        invokeClassMethod = { _, _, _, _ in .null }
        constructClass = { _, _ in .null }
        outputFieldSeparator = { " " }
        resolveUserType = { _ in nil }
    }
}
