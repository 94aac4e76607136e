import PowerShellSyntax

/// `{ … }` as a value: the parsed block plus the session state it was created in (its module,
/// or the closure scope of `GetNewClosure()`), so it runs where it was written.
public final class ScriptBlock: PSObjectBase {
    public let ast: ScriptBlockAst
    /// The module session state the block belongs to (nil: the global session state).
    public var moduleState: AnyObject?
    /// The scope captured by `GetNewClosure()`.
    public var closureScope: AnyObject?
    /// True for blocks defined with `filter` (the body is the process block).
    public var isFilter: Bool
    /// The `function`/`filter` statement that defined the block, when a function did.
    public var definition: FunctionDefinitionAst?

    public init(ast: ScriptBlockAst, isFilter: Bool = false) {
        self.ast = ast
        self.isFilter = isFilter
    }

    public override var typeFullName: String { "System.Management.Automation.ScriptBlock" }

    /// Per-object invocation state (ForEach-Object, Where-Object): the `$_`/`$PSItem` variables
    /// of the scope the block last ran in, valid while that scope and the variable set are
    /// unchanged, so each object costs no table lookups.
    var perObjectScopeID: UInt64 = 0
    var perObjectGeneration: UInt64 = .max
    var dollarUnderVariable: PSVariable?
    var psItemVariable: PSVariable?
    /// The compiled form of `ast` (see `compiled`).
    var compiledForm: CompiledScriptBlock?

    /// The block's text without the outer braces, as `"$sb"` and `.ToString()` give it.
    public var text: String {
        let full = ast.extent.text
        let units = Array(full.utf16)
        if units.count >= 2, units.first == 0x7B, units.last == 0x7D {
            return String(decoding: units[1..<(units.count - 1)], as: UTF16.self)
        }
        return full
    }
}
