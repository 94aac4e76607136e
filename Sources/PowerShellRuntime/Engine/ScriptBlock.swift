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

    /// A block with only statements (no param/begin/process/clean) and no captured state.
    var isPlainBlock: Bool {
        ast.paramBlock == nil && ast.beginBlock == nil && ast.processBlock == nil && ast.cleanBlock == nil
            && closureScope == nil && moduleState == nil
    }

    /// How ForEach-Object and Where-Object run this block per object, worked out on first use.
    enum PerObjectPlan {
        case unknown
        /// `invokeScriptBlock` with `$_` set: the block has parameters, blocks, state or `$args`.
        case general
        /// The end block's statements in the caller's scope.
        case statements
        /// One expression whose value is the output (`{ $_ % 3 -eq 0 }`), and that statement's
        /// extent, where its errors point.
        case expression(CompiledExpressionBox, SourceExtent)
    }

    var perObjectPlan: PerObjectPlan = .unknown

    /// Whether the block's text mentions `args` at all (a conservative check, worked out once),
    /// so calls can skip building `$args` for blocks that never read it.
    public private(set) lazy var mentionsArgs: Bool = ast.extent.text.lowercased().contains("args")

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
