/// The syntax tree. Names follow PowerShell's own AST (ScriptBlockAst, PipelineAst,
/// CommandExpressionAst, BinaryExpressionAst, …) so that anyone who knows pwsh finds their way.
/// Nodes are final classes so the runtime can cache what it resolves on them (`cache` slots)
/// without copying the tree; the enums only say which kind of node a slot holds.

// MARK: - Script blocks

/// `{ param(...) begin {} process {} end {} clean {} }` or a whole script file.
public final class ScriptBlockAst {
    public let extent: SourceExtent
    /// `using namespace/module` statements at the top.
    public var usingStatements: [UsingStatementAst]
    /// `#Requires` lines found anywhere in a script file (only honoured at file level).
    public var requires: [RequiresDirective]
    /// Attributes before `param(...)`, such as `[CmdletBinding()]`.
    public var paramBlock: ParamBlockAst?
    public var dynamicParamBlock: NamedBlockAst?
    public var beginBlock: NamedBlockAst?
    public var processBlock: NamedBlockAst?
    /// The `end` block; statements outside any named block are put here (unnamed = true).
    public var endBlock: NamedBlockAst?
    public var cleanBlock: NamedBlockAst?
    /// Free slot for the runtime (resolved variables, compiled form).
    public var cache: AnyObject?

    public init(extent: SourceExtent, usingStatements: [UsingStatementAst] = [], requires: [RequiresDirective] = [],
                paramBlock: ParamBlockAst? = nil, dynamicParamBlock: NamedBlockAst? = nil,
                beginBlock: NamedBlockAst? = nil, processBlock: NamedBlockAst? = nil,
                endBlock: NamedBlockAst? = nil, cleanBlock: NamedBlockAst? = nil) {
        self.extent = extent
        self.usingStatements = usingStatements
        self.requires = requires
        self.paramBlock = paramBlock
        self.dynamicParamBlock = dynamicParamBlock
        self.beginBlock = beginBlock
        self.processBlock = processBlock
        self.endBlock = endBlock
        self.cleanBlock = cleanBlock
    }
}

public enum NamedBlockKind: String {
    case begin, process, end, clean, dynamicparam
}

public final class NamedBlockAst {
    public let extent: SourceExtent
    public let kind: NamedBlockKind
    /// True when the statements were not inside an explicit `end { }`.
    public let unnamed: Bool
    public var statements: [StatementAst]
    /// `trap` statements of this block, also kept in `statements` in source order.
    public var traps: [TrapStatementAst]
    /// Free slot for the runtime (the block's compiled form).
    public var cache: AnyObject?

    public init(extent: SourceExtent, kind: NamedBlockKind, unnamed: Bool, statements: [StatementAst], traps: [TrapStatementAst] = []) {
        self.extent = extent
        self.kind = kind
        self.unnamed = unnamed
        self.statements = statements
        self.traps = traps
    }
}

/// `param( [attr] [type] $Name = default, ... )` with its own attributes (`[CmdletBinding()]`).
public final class ParamBlockAst {
    public let extent: SourceExtent
    public var attributes: [AttributeAst]
    public var parameters: [ParameterAst]

    public init(extent: SourceExtent, attributes: [AttributeAst], parameters: [ParameterAst]) {
        self.extent = extent
        self.attributes = attributes
        self.parameters = parameters
    }
}

/// One declared parameter: `[Parameter(Mandatory)] [ValidateSet('a','b')] [string] $Name = 'a'`.
public final class ParameterAst {
    public let extent: SourceExtent
    /// The variable name without `$`, as written.
    public let name: String
    /// Attributes (`[Parameter()]`, `[Alias()]`, `[Validate…()]`) in source order.
    public var attributes: [AttributeAst]
    /// Type constraints (`[string]`), in source order; the last one written applies first.
    public var typeConstraints: [TypeName]
    public var defaultValue: ExpressionAst?

    public init(extent: SourceExtent, name: String, attributes: [AttributeAst], typeConstraints: [TypeName], defaultValue: ExpressionAst?) {
        self.extent = extent
        self.name = name
        self.attributes = attributes
        self.typeConstraints = typeConstraints
        self.defaultValue = defaultValue
    }
}

/// `[Name(positional, Named = value, SwitchLike)]`.
public final class AttributeAst {
    public let extent: SourceExtent
    public let typeName: TypeName
    public var positionalArguments: [ExpressionAst]
    /// Named arguments; a named argument written without `= value` (`Mandatory`) has nil.
    public var namedArguments: [(name: String, value: ExpressionAst?)]

    public init(extent: SourceExtent, typeName: TypeName, positionalArguments: [ExpressionAst], namedArguments: [(name: String, value: ExpressionAst?)]) {
        self.extent = extent
        self.typeName = typeName
        self.positionalArguments = positionalArguments
        self.namedArguments = namedArguments
    }
}

/// A type as written: `int`, `System.Collections.Generic.List[string]`, `int[]`, `string[,]`.
public indirect enum TypeName: CustomStringConvertible {
    case simple(String)
    case generic(String, [TypeName])
    case array(TypeName, rank: Int)

    public var description: String {
        switch self {
        case .simple(let n): return n
        case .generic(let n, let args): return n + "[" + args.map { $0.description }.joined(separator: ",") + "]"
        case .array(let t, let rank): return t.description + "[" + String(repeating: ",", count: max(0, rank - 1)) + "]"
        }
    }
}

/// `#Requires -Version 7.2`, `-Modules …`, `-PSEdition Core`, `-RunAsAdministrator`.
public struct RequiresDirective {
    public let extent: SourceExtent
    /// Parameter name as written (without `-`) and the raw argument text (may be empty).
    public let parameter: String
    public let argument: String

    public init(extent: SourceExtent, parameter: String, argument: String) {
        self.extent = extent
        self.parameter = parameter
        self.argument = argument
    }
}

/// `using namespace X` / `using module X` / `using assembly X`.
public final class UsingStatementAst {
    public let extent: SourceExtent
    public let kind: String
    public let name: String
    /// `using module @{ ModuleName = …; ModuleVersion = … }`: the module specification, checked
    /// by the parser (its keys and versions); `name` is then its ModuleName.
    public let moduleSpecification: ModuleSpecificationAst?

    public init(extent: SourceExtent, kind: String, name: String, moduleSpecification: ModuleSpecificationAst? = nil) {
        self.extent = extent
        self.kind = kind
        self.name = name
        self.moduleSpecification = moduleSpecification
    }
}

/// A module specification hashtable with constant values (ModuleSpecification's keys).
public struct ModuleSpecificationAst {
    public var name: String
    public var version: String?
    public var requiredVersion: String?
    public var maximumVersion: String?
    public var guid: String?
}

// MARK: - Statements

public enum StatementAst {
    case pipeline(PipelineAst)
    /// `a && b || c`
    case pipelineChain(PipelineChainAst)
    case assignment(AssignmentStatementAst)
    case ifStatement(IfStatementAst)
    case switchStatement(SwitchStatementAst)
    case foreachStatement(ForEachStatementAst)
    case forStatement(ForStatementAst)
    case whileStatement(WhileStatementAst)
    /// `do { } while (...)` and `do { } until (...)`.
    case doLoop(DoLoopStatementAst)
    case flow(FlowStatementAst)
    case trap(TrapStatementAst)
    case tryStatement(TryStatementAst)
    case functionDefinition(FunctionDefinitionAst)
    case typeDefinition(TypeDefinitionAst)
    /// A `{ }` statement block standing alone is a script block expression in pwsh; this case is
    /// for `data { }`-like blocks and blocks the parser synthesizes.
    case block(StatementBlockAst)
    case using(UsingStatementAst)

    public var extent: SourceExtent {
        switch self {
        case .pipeline(let n): return n.extent
        case .pipelineChain(let n): return n.extent
        case .assignment(let n): return n.extent
        case .ifStatement(let n): return n.extent
        case .switchStatement(let n): return n.extent
        case .foreachStatement(let n): return n.extent
        case .forStatement(let n): return n.extent
        case .whileStatement(let n): return n.extent
        case .doLoop(let n): return n.extent
        case .flow(let n): return n.extent
        case .trap(let n): return n.extent
        case .tryStatement(let n): return n.extent
        case .functionDefinition(let n): return n.extent
        case .typeDefinition(let n): return n.extent
        case .block(let n): return n.extent
        case .using(let n): return n.extent
        }
    }
}

public final class StatementBlockAst {
    public let extent: SourceExtent
    public var statements: [StatementAst]
    public var traps: [TrapStatementAst]
    /// Free slot for the runtime (the block's compiled form).
    public var cache: AnyObject?

    public init(extent: SourceExtent, statements: [StatementAst], traps: [TrapStatementAst] = []) {
        self.extent = extent
        self.statements = statements
        self.traps = traps
    }
}

/// `cmd1 | cmd2 | cmd3`; a lone expression is a pipeline of one `CommandExpressionAst`.
public final class PipelineAst {
    public let extent: SourceExtent
    public var elements: [CommandBaseAst]
    /// Trailing `&` (background job): parsed, refused at run time.
    public var background: Bool
    public var cache: AnyObject?

    public init(extent: SourceExtent, elements: [CommandBaseAst], background: Bool = false) {
        self.extent = extent
        self.elements = elements
        self.background = background
    }
}

public final class PipelineChainAst {
    public let extent: SourceExtent
    public let left: StatementAst
    /// true for `&&`, false for `||`.
    public let isAnd: Bool
    public let right: PipelineAst

    public init(extent: SourceExtent, left: StatementAst, isAnd: Bool, right: PipelineAst) {
        self.extent = extent
        self.left = left
        self.isAnd = isAnd
        self.right = right
    }
}

public enum CommandBaseAst {
    case command(CommandAst)
    case expression(CommandExpressionAst)

    public var extent: SourceExtent {
        switch self {
        case .command(let c): return c.extent
        case .expression(let e): return e.extent
        }
    }

    public var redirections: [RedirectionAst] {
        switch self {
        case .command(let c): return c.redirections
        case .expression(let e): return e.redirections
        }
    }
}

/// `Get-Thing -Name x arg @splat`, `& $sb 1 2`, `. ./file.ps1`.
public final class CommandAst {
    public let extent: SourceExtent
    /// `elements[0]` is the command name (a bareword string constant, or any expression after
    /// `&`/`.`); the rest are parameters and arguments in order.
    public var elements: [CommandElementAst]
    public var invocationOperator: InvocationOperator
    public var redirections: [RedirectionAst]
    /// Free slot for the runtime (cached command resolution).
    public var cache: AnyObject?

    public init(extent: SourceExtent, elements: [CommandElementAst], invocationOperator: InvocationOperator, redirections: [RedirectionAst]) {
        self.extent = extent
        self.elements = elements
        self.invocationOperator = invocationOperator
        self.redirections = redirections
    }
}

public enum InvocationOperator {
    case none
    /// `&`
    case ampersand
    /// `.` (dot-sourcing)
    case dot
}

public enum CommandElementAst {
    /// `-Name`, `-Name:value` (argument set, `hasColon` true). `extent` covers the whole element.
    case parameter(CommandParameterAst)
    /// Any argument: bareword (a string constant or expandable string), quoted string, number,
    /// `(…)`, `$x`, `@splat` (a `.variable` with `splatted` true), `a,b,c`, script block.
    case argument(ExpressionAst)
    /// Everything after `--%`, passed verbatim to native programs.
    case stopParsing(String, SourceExtent)

    public var extent: SourceExtent {
        switch self {
        case .parameter(let p): return p.extent
        case .argument(let e): return e.extent
        case .stopParsing(_, let x): return x
        }
    }
}

public final class CommandParameterAst {
    public let extent: SourceExtent
    /// Name without the leading `-` (and without the trailing `:`).
    public let name: String
    public let argument: ExpressionAst?
    public let hasColon: Bool

    public init(extent: SourceExtent, name: String, argument: ExpressionAst?, hasColon: Bool) {
        self.extent = extent
        self.name = name
        self.argument = argument
        self.hasColon = hasColon
    }
}

/// An expression in the pipeline position: `1 + 2`, `$x`, `"text"`, `(Get-X).Name`.
public final class CommandExpressionAst {
    public let extent: SourceExtent
    public let expression: ExpressionAst
    public var redirections: [RedirectionAst]

    public init(extent: SourceExtent, expression: ExpressionAst, redirections: [RedirectionAst]) {
        self.extent = extent
        self.expression = expression
        self.redirections = redirections
    }
}

public enum RedirectionStream: Int {
    case all = 0, output = 1, error = 2, warning = 3, verbose = 4, debug = 5, information = 6
}

/// `2>&1`, `*>&1` (merge) or `> file`, `2>> file`, `> $null` (to a file).
public enum RedirectionAst {
    case merge(from: RedirectionStream, to: RedirectionStream, extent: SourceExtent)
    case file(from: RedirectionStream, target: ExpressionAst, append: Bool, extent: SourceExtent)
}

public enum AssignmentOperator: String {
    case equals = "="
    case plusEquals = "+="
    case minusEquals = "-="
    case multiplyEquals = "*="
    case divideEquals = "/="
    case remainderEquals = "%="
    case nullCoalesceEquals = "??="
}

/// `$a = …`, `$a, $b = …`, `$h.k += …`, `[int]$x = …`. The right side is a statement
/// (a pipeline, `if`, `switch`, loops … all produce values).
public final class AssignmentStatementAst {
    public let extent: SourceExtent
    public let left: ExpressionAst
    public let op: AssignmentOperator
    public let right: StatementAst
    /// Extent of the operator token, for error positions.
    public let operatorExtent: SourceExtent

    public init(extent: SourceExtent, left: ExpressionAst, op: AssignmentOperator, right: StatementAst, operatorExtent: SourceExtent) {
        self.extent = extent
        self.left = left
        self.op = op
        self.right = right
        self.operatorExtent = operatorExtent
    }
}

public final class IfStatementAst {
    public let extent: SourceExtent
    /// `if` and each `elseif`: condition (a pipeline) and body.
    public var clauses: [(condition: StatementAst, body: StatementBlockAst)]
    public var elseClause: StatementBlockAst?

    public init(extent: SourceExtent, clauses: [(condition: StatementAst, body: StatementBlockAst)], elseClause: StatementBlockAst?) {
        self.extent = extent
        self.clauses = clauses
        self.elseClause = elseClause
    }
}

public struct SwitchFlags: OptionSet {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let regex = SwitchFlags(rawValue: 1)
    public static let wildcard = SwitchFlags(rawValue: 2)
    public static let exact = SwitchFlags(rawValue: 4)
    public static let caseSensitive = SwitchFlags(rawValue: 8)
    public static let file = SwitchFlags(rawValue: 16)
    public static let parallel = SwitchFlags(rawValue: 32)
}

public final class SwitchStatementAst {
    public let extent: SourceExtent
    public let label: String?
    public let flags: SwitchFlags
    /// The value (a pipeline) or, with `-File`, the file path expression.
    public let condition: StatementAst
    /// Each clause: the test (bareword/string constant, any expression or a script block) and body.
    public var clauses: [(test: ExpressionAst, body: StatementBlockAst)]
    public var defaultClause: StatementBlockAst?

    public init(extent: SourceExtent, label: String?, flags: SwitchFlags, condition: StatementAst,
                clauses: [(test: ExpressionAst, body: StatementBlockAst)], defaultClause: StatementBlockAst?) {
        self.extent = extent
        self.label = label
        self.flags = flags
        self.condition = condition
        self.clauses = clauses
        self.defaultClause = defaultClause
    }
}

public final class ForEachStatementAst {
    public let extent: SourceExtent
    public let label: String?
    public let variable: VariableExpressionAst
    public let collection: StatementAst
    public let body: StatementBlockAst

    public init(extent: SourceExtent, label: String?, variable: VariableExpressionAst, collection: StatementAst, body: StatementBlockAst) {
        self.extent = extent
        self.label = label
        self.variable = variable
        self.collection = collection
        self.body = body
    }
}

public final class ForStatementAst {
    public let extent: SourceExtent
    public let label: String?
    public let initializer: StatementAst?
    public let condition: StatementAst?
    public let iterator: StatementAst?
    public let body: StatementBlockAst

    public init(extent: SourceExtent, label: String?, initializer: StatementAst?, condition: StatementAst?, iterator: StatementAst?, body: StatementBlockAst) {
        self.extent = extent
        self.label = label
        self.initializer = initializer
        self.condition = condition
        self.iterator = iterator
        self.body = body
    }
}

public final class WhileStatementAst {
    public let extent: SourceExtent
    public let label: String?
    public let condition: StatementAst
    public let body: StatementBlockAst

    public init(extent: SourceExtent, label: String?, condition: StatementAst, body: StatementBlockAst) {
        self.extent = extent
        self.label = label
        self.condition = condition
        self.body = body
    }
}

public final class DoLoopStatementAst {
    public let extent: SourceExtent
    public let label: String?
    public let body: StatementBlockAst
    public let condition: StatementAst
    /// true for `do … until`, false for `do … while`.
    public let isUntil: Bool

    public init(extent: SourceExtent, label: String?, body: StatementBlockAst, condition: StatementAst, isUntil: Bool) {
        self.extent = extent
        self.label = label
        self.body = body
        self.condition = condition
        self.isUntil = isUntil
    }
}

public enum FlowKind {
    case breakFlow, continueFlow, returnFlow, exitFlow, throwFlow
}

/// `break [label]`, `continue [label]`, `return [pipeline]`, `exit [pipeline]`, `throw [pipeline]`.
public final class FlowStatementAst {
    public let extent: SourceExtent
    public let kind: FlowKind
    /// The label expression for break/continue, the value pipeline for return/exit/throw.
    public let operand: StatementAst?
    /// For break/continue: a bareword label (`break outer`).
    public let label: String?

    public init(extent: SourceExtent, kind: FlowKind, operand: StatementAst?, label: String?) {
        self.extent = extent
        self.kind = kind
        self.operand = operand
        self.label = label
    }
}

public final class TrapStatementAst {
    public let extent: SourceExtent
    public let trapType: TypeName?
    public let body: StatementBlockAst

    public init(extent: SourceExtent, trapType: TypeName?, body: StatementBlockAst) {
        self.extent = extent
        self.trapType = trapType
        self.body = body
    }
}

public final class CatchClauseAst {
    public let extent: SourceExtent
    /// Empty for a catch-all.
    public let catchTypes: [(type: TypeName, extent: SourceExtent)]
    public let body: StatementBlockAst

    public init(extent: SourceExtent, catchTypes: [(type: TypeName, extent: SourceExtent)], body: StatementBlockAst) {
        self.extent = extent
        self.catchTypes = catchTypes
        self.body = body
    }
}

public final class TryStatementAst {
    public let extent: SourceExtent
    public let body: StatementBlockAst
    public let catchClauses: [CatchClauseAst]
    public let finallyClause: StatementBlockAst?

    public init(extent: SourceExtent, body: StatementBlockAst, catchClauses: [CatchClauseAst], finallyClause: StatementBlockAst?) {
        self.extent = extent
        self.body = body
        self.catchClauses = catchClauses
        self.finallyClause = finallyClause
    }
}

/// `function Name { … }`, `function Name($a, $b) { … }`, `filter Name { … }`,
/// `workflow` is not supported.
public final class FunctionDefinitionAst {
    public let extent: SourceExtent
    public let name: String
    public let isFilter: Bool
    /// Parameters written after the name (`function f($a) {}`), converted to a param block by
    /// the parser only if the body has none.
    public let parameters: [ParameterAst]?
    public let body: ScriptBlockAst

    public init(extent: SourceExtent, name: String, isFilter: Bool, parameters: [ParameterAst]?, body: ScriptBlockAst) {
        self.extent = extent
        self.name = name
        self.isFilter = isFilter
        self.parameters = parameters
        self.body = body
    }
}

/// `class Name [: Base] { members }` or `enum Name [: type] { A; B = 2 }`.
public final class TypeDefinitionAst {
    public let extent: SourceExtent
    public let name: String
    public let isEnum: Bool
    public let attributes: [AttributeAst]
    public let baseTypes: [TypeName]
    public var members: [MemberDefinitionAst]

    public init(extent: SourceExtent, name: String, isEnum: Bool, attributes: [AttributeAst], baseTypes: [TypeName], members: [MemberDefinitionAst]) {
        self.extent = extent
        self.name = name
        self.isEnum = isEnum
        self.attributes = attributes
        self.baseTypes = baseTypes
        self.members = members
    }
}

public enum MemberDefinitionAst {
    /// `[static] [hidden] [type] $Name = init` in a class; `Name [= value]` in an enum.
    case property(PropertyMemberAst)
    /// `[static] [type] Name(params) { body }`; a constructor has the class's name and no return type.
    case method(FunctionMemberAst)
}

public final class PropertyMemberAst {
    public let extent: SourceExtent
    public let name: String
    public let propertyType: TypeName?
    public let isStatic: Bool
    public let isHidden: Bool
    public let attributes: [AttributeAst]
    public let initialValue: ExpressionAst?

    public init(extent: SourceExtent, name: String, propertyType: TypeName?, isStatic: Bool, isHidden: Bool, attributes: [AttributeAst], initialValue: ExpressionAst?) {
        self.extent = extent
        self.name = name
        self.propertyType = propertyType
        self.isStatic = isStatic
        self.isHidden = isHidden
        self.attributes = attributes
        self.initialValue = initialValue
    }
}

public final class FunctionMemberAst {
    public let extent: SourceExtent
    public let name: String
    public let returnType: TypeName?
    public let isStatic: Bool
    public let isHidden: Bool
    public let isConstructor: Bool
    public let parameters: [ParameterAst]
    public let body: ScriptBlockAst
    /// `: base(args)` on a constructor.
    public let baseArguments: [ExpressionAst]?
    /// Where the method's name is (pwsh's NameExtent), for errors about the whole method.
    public let nameExtent: SourceExtent?

    public init(extent: SourceExtent, name: String, returnType: TypeName?, isStatic: Bool, isHidden: Bool, isConstructor: Bool,
                parameters: [ParameterAst], body: ScriptBlockAst, baseArguments: [ExpressionAst]?, nameExtent: SourceExtent? = nil) {
        self.nameExtent = nameExtent
        self.extent = extent
        self.name = name
        self.returnType = returnType
        self.isStatic = isStatic
        self.isHidden = isHidden
        self.isConstructor = isConstructor
        self.parameters = parameters
        self.body = body
        self.baseArguments = baseArguments
    }
}

// MARK: - Expressions

public indirect enum ExpressionAst {
    /// Numbers and other literal values: the value is already typed by the lexer.
    case constant(ConstantExpressionAst)
    /// Single-quoted, bareword or literal here-string text.
    case stringConstant(StringConstantExpressionAst)
    /// Double-quoted or expandable here-string with `$var` / `$(…)` parts.
    case expandableString(ExpandableStringExpressionAst)
    case variable(VariableExpressionAst)
    case binary(BinaryExpressionAst)
    case unary(UnaryExpressionAst)
    /// `[type]expr`
    case convert(ConvertExpressionAst)
    /// `[type]` alone
    case typeLiteral(TypeExpressionAst)
    /// `$x.Name`, `$x.$name`, `[t]::Name`, `$x?.Name`
    case member(MemberExpressionAst)
    /// `$x.Method(args)`, `[t]::Method(args)`
    case invokeMember(InvokeMemberExpressionAst)
    /// `$x[1]`, `$x?[1]`
    case index(IndexExpressionAst)
    /// `1, 2, 3`
    case arrayLiteral(ArrayLiteralAst)
    /// `@( … )`
    case arrayExpression(SubExpressionAst)
    /// `$( … )`
    case subExpression(SubExpressionAst)
    /// `( pipeline )`
    case paren(ParenExpressionAst)
    case hashtable(HashtableAst)
    case scriptBlock(ScriptBlockExpressionAst)
    /// `cond ? a : b`
    case ternary(TernaryExpressionAst)
    /// `[Parameter()] $x` inside param blocks, or an attribute on an expression.
    case attributed(AttributedExpressionAst)
    /// `$using:x`
    case using(UsingExpressionAst)

    public var extent: SourceExtent {
        switch self {
        case .constant(let n): return n.extent
        case .stringConstant(let n): return n.extent
        case .expandableString(let n): return n.extent
        case .variable(let n): return n.extent
        case .binary(let n): return n.extent
        case .unary(let n): return n.extent
        case .convert(let n): return n.extent
        case .typeLiteral(let n): return n.extent
        case .member(let n): return n.extent
        case .invokeMember(let n): return n.extent
        case .index(let n): return n.extent
        case .arrayLiteral(let n): return n.extent
        case .arrayExpression(let n): return n.extent
        case .subExpression(let n): return n.extent
        case .paren(let n): return n.extent
        case .hashtable(let n): return n.extent
        case .scriptBlock(let n): return n.extent
        case .ternary(let n): return n.extent
        case .attributed(let n): return n.extent
        case .using(let n): return n.extent
        }
    }
}

/// A literal number as the lexer read it, with its .NET type decided by suffix and size.
public enum NumberLiteral {
    case int32(Int32)
    case int64(Int64)
    case double(Double)
    /// Decimal literals (`1.5d`) kept as their text so the runtime parses them exactly.
    case decimal(String)
    case byte(UInt8)
    case sbyte(Int8)
    case int16(Int16)
    case uint16(UInt16)
    case uint32(UInt32)
    case uint64(UInt64)
    /// `n` suffix (BigInteger), kept as text.
    case bigInteger(String)
}

public final class ConstantExpressionAst {
    public let extent: SourceExtent
    public let value: NumberLiteral

    public init(extent: SourceExtent, value: NumberLiteral) {
        self.extent = extent
        self.value = value
    }
}

public enum StringConstantKind {
    case singleQuoted, doubleQuoted, singleQuotedHereString, doubleQuotedHereString, bareWord
}

public final class StringConstantExpressionAst {
    public let extent: SourceExtent
    public let value: String
    public let kind: StringConstantKind

    public init(extent: SourceExtent, value: String, kind: StringConstantKind) {
        self.extent = extent
        self.value = value
        self.kind = kind
    }
}

/// A string with embedded expressions. `parts` alternate literal text and expressions;
/// escape sequences have already been applied to the literal parts.
public final class ExpandableStringExpressionAst {
    public let extent: SourceExtent
    public let parts: [ExpandablePart]
    public let kind: StringConstantKind

    public init(extent: SourceExtent, parts: [ExpandablePart], kind: StringConstantKind) {
        self.extent = extent
        self.parts = parts
        self.kind = kind
    }
}

public enum ExpandablePart {
    case literal(String)
    /// `$name`, `${name}`, `$env:X` inside the string
    case variable(VariableExpressionAst)
    /// `$( … )` inside the string
    case subExpression(SubExpressionAst)
}

/// A variable reference, with its scope qualifier split off: `$script:x` → scope "script",
/// name "x"; `$env:PATH` → scope "env" (a drive), name "PATH".
public final class VariableExpressionAst {
    public let extent: SourceExtent
    /// The name as written, without `$`/`@`, braces or scope qualifier.
    public let name: String
    /// `global`, `script`, `local`, `private`, `using`, `variable`, or a drive name such as `env`;
    /// nil when unqualified.
    public let scope: String?
    /// `@name` in a command argument.
    public let splatted: Bool
    /// Runtime cache: the folded name, resolved once.
    public let foldedName: String
    public var cache: AnyObject?
    /// The runtime's last lookup of this variable: valid while the scope with this id is
    /// current and the variable set is unchanged (generation). Typed fields so the hot path
    /// needs no dynamic cast.
    public var lookupScopeID: UInt64 = 0
    public var lookupGeneration: UInt64 = .max
    public var lookupVariable: AnyObject?

    public init(extent: SourceExtent, name: String, scope: String?, splatted: Bool) {
        self.extent = extent
        self.name = name
        self.scope = scope?.lowercased()
        self.splatted = splatted
        self.foldedName = name.lowercased()
    }
}

public enum BinaryOperator: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case and = "-and", or = "-or", xor = "-xor"
    case band = "-band", bor = "-bor", bxor = "-bxor", shl = "-shl", shr = "-shr"
    case range = ".."
    case format = "-f"
    case join = "-join", split = "-split"
    case replace = "-replace", ireplace = "-ireplace", creplace = "-creplace"
    case isType = "-is", isNotType = "-isnot", asType = "-as"
    case nullCoalesce = "??"
    // Comparison operators: the plain form is case-insensitive.
    case eq = "-eq", ne = "-ne", gt = "-gt", ge = "-ge", lt = "-lt", le = "-le"
    case ieq = "-ieq", ine = "-ine", igt = "-igt", ige = "-ige", ilt = "-ilt", ile = "-ile"
    case ceq = "-ceq", cne = "-cne", cgt = "-cgt", cge = "-cge", clt = "-clt", cle = "-cle"
    case like = "-like", notlike = "-notlike", ilike = "-ilike", inotlike = "-inotlike", clike = "-clike", cnotlike = "-cnotlike"
    case match = "-match", notmatch = "-notmatch", imatch = "-imatch", inotmatch = "-inotmatch", cmatch = "-cmatch", cnotmatch = "-cnotmatch"
    case contains = "-contains", notcontains = "-notcontains", icontains = "-icontains", inotcontains = "-inotcontains", ccontains = "-ccontains", cnotcontains = "-cnotcontains"
    case inOp = "-in", notin = "-notin", iin = "-iin", inotin = "-inotin", cin = "-cin", cnotin = "-cnotin"
    case isplit = "-isplit", csplit = "-csplit"
}

public final class BinaryExpressionAst {
    public let extent: SourceExtent
    public let op: BinaryOperator
    public let left: ExpressionAst
    public let right: ExpressionAst
    /// The operator token's extent, for error positions.
    public let operatorExtent: SourceExtent

    public init(extent: SourceExtent, op: BinaryOperator, left: ExpressionAst, right: ExpressionAst, operatorExtent: SourceExtent) {
        self.extent = extent
        self.op = op
        self.left = left
        self.right = right
        self.operatorExtent = operatorExtent
    }
}

public enum UnaryOperator {
    case negate, plus, not, bnot
    /// `-split x`, `-join x` as unary operators.
    case split, join
    case preIncrement, preDecrement, postIncrement, postDecrement
    /// `,x` — a one-element array.
    case comma
}

public final class UnaryExpressionAst {
    public let extent: SourceExtent
    public let op: UnaryOperator
    public let operand: ExpressionAst

    public init(extent: SourceExtent, op: UnaryOperator, operand: ExpressionAst) {
        self.extent = extent
        self.op = op
        self.operand = operand
    }
}

public final class ConvertExpressionAst {
    public let extent: SourceExtent
    public let type: TypeName
    public let typeExtent: SourceExtent
    public let child: ExpressionAst
    public var cache: AnyObject?

    public init(extent: SourceExtent, type: TypeName, typeExtent: SourceExtent, child: ExpressionAst) {
        self.extent = extent
        self.type = type
        self.typeExtent = typeExtent
        self.child = child
    }

    /// The type name inside the brackets (`int` of `[int]`): pwsh's TypeName extent, where an
    /// unknown type's error points.
    public var typeNameExtent: SourceExtent {
        let units = typeExtent.source.units
        var start = typeExtent.start, end = typeExtent.end
        guard end - start >= 2, start < units.count, end <= units.count,
              units[start] == 0x5B, units[end - 1] == 0x5D else { return typeExtent }
        start += 1
        end -= 1
        while start < end, units[start] == 0x20 || units[start] == 0x09 { start += 1 }
        while end > start, units[end - 1] == 0x20 || units[end - 1] == 0x09 { end -= 1 }
        return SourceExtent(source: typeExtent.source, start: start, end: end)
    }
}

public final class TypeExpressionAst {
    public let extent: SourceExtent
    public let type: TypeName
    public var cache: AnyObject?

    public init(extent: SourceExtent, type: TypeName) {
        self.extent = extent
        self.type = type
    }
}

public final class MemberExpressionAst {
    public let extent: SourceExtent
    public let target: ExpressionAst
    /// A string constant for `.Name`, any expression for `.$name` / `.('Name')`.
    public let member: ExpressionAst
    public let isStatic: Bool
    public let nullConditional: Bool

    public init(extent: SourceExtent, target: ExpressionAst, member: ExpressionAst, isStatic: Bool, nullConditional: Bool) {
        self.extent = extent
        self.target = target
        self.member = member
        self.isStatic = isStatic
        self.nullConditional = nullConditional
    }
}

public final class InvokeMemberExpressionAst {
    public let extent: SourceExtent
    public let target: ExpressionAst
    public let member: ExpressionAst
    public let arguments: [ExpressionAst]
    public let isStatic: Bool
    public let nullConditional: Bool
    /// `.Method[T1, T2](…)`: the method's generic type arguments (pwsh 7.3+).
    public let genericArguments: [TypeName]

    public init(extent: SourceExtent, target: ExpressionAst, member: ExpressionAst, arguments: [ExpressionAst], isStatic: Bool,
                nullConditional: Bool, genericArguments: [TypeName] = []) {
        self.extent = extent
        self.target = target
        self.member = member
        self.arguments = arguments
        self.isStatic = isStatic
        self.nullConditional = nullConditional
        self.genericArguments = genericArguments
    }
}

public final class IndexExpressionAst {
    public let extent: SourceExtent
    public let target: ExpressionAst
    public let index: ExpressionAst
    public let nullConditional: Bool

    public init(extent: SourceExtent, target: ExpressionAst, index: ExpressionAst, nullConditional: Bool) {
        self.extent = extent
        self.target = target
        self.index = index
        self.nullConditional = nullConditional
    }
}

public final class ArrayLiteralAst {
    public let extent: SourceExtent
    public let elements: [ExpressionAst]

    public init(extent: SourceExtent, elements: [ExpressionAst]) {
        self.extent = extent
        self.elements = elements
    }
}

/// `$( statements )` and `@( statements )`.
public final class SubExpressionAst {
    public let extent: SourceExtent
    public let statements: StatementBlockAst

    public init(extent: SourceExtent, statements: StatementBlockAst) {
        self.extent = extent
        self.statements = statements
    }
}

/// `( pipeline )` — also `($x = 5)`, which yields the assigned value.
public final class ParenExpressionAst {
    public let extent: SourceExtent
    public let pipeline: StatementAst

    public init(extent: SourceExtent, pipeline: StatementAst) {
        self.extent = extent
        self.pipeline = pipeline
    }
}

/// `@{ key = value; … }` and `[ordered]@{ … }` (the latter as a convert expression).
public final class HashtableAst {
    public let extent: SourceExtent
    public let pairs: [(key: ExpressionAst, value: StatementAst)]

    public init(extent: SourceExtent, pairs: [(key: ExpressionAst, value: StatementAst)]) {
        self.extent = extent
        self.pairs = pairs
    }
}

public final class ScriptBlockExpressionAst {
    public let extent: SourceExtent
    public let scriptBlock: ScriptBlockAst

    public init(extent: SourceExtent, scriptBlock: ScriptBlockAst) {
        self.extent = extent
        self.scriptBlock = scriptBlock
    }
}

public final class TernaryExpressionAst {
    public let extent: SourceExtent
    public let condition: ExpressionAst
    public let ifTrue: ExpressionAst
    public let ifFalse: ExpressionAst

    public init(extent: SourceExtent, condition: ExpressionAst, ifTrue: ExpressionAst, ifFalse: ExpressionAst) {
        self.extent = extent
        self.condition = condition
        self.ifTrue = ifTrue
        self.ifFalse = ifFalse
    }
}

public final class AttributedExpressionAst {
    public let extent: SourceExtent
    public let attribute: AttributeAst
    public let child: ExpressionAst

    public init(extent: SourceExtent, attribute: AttributeAst, child: ExpressionAst) {
        self.extent = extent
        self.attribute = attribute
        self.child = child
    }
}

public final class UsingExpressionAst {
    public let extent: SourceExtent
    public let variable: VariableExpressionAst

    public init(extent: SourceExtent, variable: VariableExpressionAst) {
        self.extent = extent
        self.variable = variable
    }
}
