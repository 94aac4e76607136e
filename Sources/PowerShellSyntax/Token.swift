/// The kinds of token, named as pwsh's `System.Management.Automation.Language.TokenKind`.
/// Comparison operators are one kind per case-sensitivity family (`-eq` and `-ieq` are both
/// `Ieq`, as in pwsh); the exact operator text is kept by the token's extent.
public enum TokenKind: UInt8 {
    case Unknown, Variable, SplattedVariable, Parameter, Number, Label, Identifier, Generic
    case NewLine, LineContinuation, Comment, EndOfInput
    case StringLiteral, StringExpandable, HereStringLiteral, HereStringExpandable
    case LParen, RParen, LCurly, RCurly, LBracket, RBracket, AtParen, AtCurly, DollarParen, Semi
    case AndAnd, OrOr, Ampersand, Pipe, Comma, MinusMinus, PlusPlus, DotDot, ColonColon, Dot
    case Exclaim, Multiply, Divide, Rem, Plus, Minus
    case Equals, PlusEquals, MinusEquals, MultiplyEquals, DivideEquals, RemainderEquals
    case Redirection, RedirectInStd, Format, Not, Bnot, And, Or, Xor, Band, Bor, Bxor, Join
    case Ieq, Ine, Ige, Igt, Ilt, Ile, Ilike, Inotlike, Imatch, Inotmatch, Ireplace, Icontains, Inotcontains, Iin, Inotin, Isplit
    case Ceq, Cne, Cge, Cgt, Clt, Cle, Clike, Cnotlike, Cmatch, Cnotmatch, Creplace, Ccontains, Cnotcontains, Cin, Cnotin, Csplit
    case Is, IsNot, As, PostfixPlusPlus, PostfixMinusMinus, Shl, Shr, Colon
    case QuestionMark, QuestionQuestionEquals, QuestionQuestion, QuestionDot, QuestionLBracket
    // Keywords (recognized only in command mode, at the start of a statement).
    case Begin, Break, Catch, Class, Continue, Data, Define, Do, Dynamicparam, Else, ElseIf, End, Exit
    case Filter, Finally, For, Foreach, From, Function, If, In, Param, Process, Return, Switch, Throw
    case Trap, Try, Until, Using, Var, While, Workflow, Parallel, Sequence, InlineScript, Configuration
    case Public, Private, Static, Interface, Enum, Namespace, Module, `Type`, Assembly, Command, Hidden, Base, Default, Clean

    /// `=`, `+=`, … `??=`.
    public var isAssignmentOperator: Bool {
        switch self {
        case .Equals, .PlusEquals, .MinusEquals, .MultiplyEquals, .DivideEquals, .RemainderEquals, .QuestionQuestionEquals: return true
        default: return false
        }
    }

    /// Keywords as pwsh's tokenizer knows them (`s_keywordTable`).
    public var isKeyword: Bool { rawValue >= TokenKind.Begin.rawValue }

    /// Binary operator precedence as pwsh's `TokenFlags.BinaryPrecedence*` (0: not binary).
    public var binaryPrecedence: Int {
        switch self {
        case .And, .Or, .Xor: return 1
        case .Band, .Bor, .Bxor: return 2
        case .Join, .Ieq, .Ine, .Ige, .Igt, .Ilt, .Ile, .Ilike, .Inotlike, .Imatch, .Inotmatch, .Ireplace, .Icontains,
             .Inotcontains, .Iin, .Inotin, .Isplit, .Ceq, .Cne, .Cge, .Cgt, .Clt, .Cle, .Clike, .Cnotlike, .Cmatch,
             .Cnotmatch, .Creplace, .Ccontains, .Cnotcontains, .Cin, .Cnotin, .Csplit, .Is, .IsNot, .As, .Shl, .Shr:
            return 5
        case .QuestionQuestion: return 7
        case .Plus, .Minus: return 9
        case .Multiply, .Divide, .Rem: return 10
        case .Format: return 12
        case .DotDot: return 13
        default: return 0
        }
    }
}

/// What a token carries besides its kind and position.
public enum TokenValue {
    case none
    /// A number's value (`Number` tokens).
    case number(NumberLiteral)
    /// The text of a literal string or bareword with quotes removed and escapes applied; for
    /// `Identifier`, `Label` (without `:`) and keywords the name itself.
    case text(String)
    /// A double-quoted string, here-string or bareword with `$` expansions, in pieces.
    case expandable(String, [LexedStringPart])
    /// `$scope:name` / `@name`; `braced` for `${…}`.
    case variable(name: String, scope: String?, braced: Bool)
    /// `-Name` / `-Name:` (name without dash and colon).
    case parameter(name: String, colon: Bool)
    /// `2>&1`-style merge or `2>`/`>>` to a file.
    case redirection(from: RedirectionStream, mergeTo: RedirectionStream?, append: Bool)
}

/// A piece of an expandable string as the lexer found it; sub-expressions are parsed later.
public enum LexedStringPart {
    case literal(String)
    case variable(name: String, scope: String?, start: Int, end: Int)
    /// `$( … )`: `start`/`end` of the whole `$(…)`; the statements are between `start + 2` and `end - 1`.
    case subExpression(start: Int, end: Int)
}

/// One token: kind, half-open UTF-16 offsets into the source, and its value.
public struct Token {
    public let kind: TokenKind
    public let start: Int
    public let end: Int
    public let value: TokenValue
    /// Whitespace, a comment or a line continuation came right before the token.
    public let precededBySpace: Bool

    public init(kind: TokenKind, start: Int, end: Int, value: TokenValue = .none, precededBySpace: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.precededBySpace = precededBySpace
    }

    /// The token's string value, for barewords, identifiers and literal strings.
    public var stringValue: String? {
        switch value {
        case .text(let s): return s
        case .expandable(let s, _): return s
        default: return nil
        }
    }
}

/// Keyword spellings (lower case) as pwsh's tokenizer table.
let keywordTable: [String: TokenKind] = [
    "elseif": .ElseIf, "if": .If, "else": .Else, "switch": .Switch, "foreach": .Foreach, "from": .From,
    "in": .In, "for": .For, "while": .While, "until": .Until, "do": .Do, "try": .Try, "catch": .Catch,
    "finally": .Finally, "trap": .Trap, "data": .Data, "return": .Return, "continue": .Continue,
    "break": .Break, "exit": .Exit, "throw": .Throw, "begin": .Begin, "process": .Process, "end": .End,
    "dynamicparam": .Dynamicparam, "function": .Function, "filter": .Filter, "param": .Param,
    "class": .Class, "define": .Define, "var": .Var, "using": .Using, "workflow": .Workflow,
    "parallel": .Parallel, "sequence": .Sequence, "inlinescript": .InlineScript,
    "configuration": .Configuration, "public": .Public, "private": .Private, "static": .Static,
    "interface": .Interface, "enum": .Enum, "namespace": .Namespace, "module": .Module, "type": .Type,
    "assembly": .Assembly, "command": .Command, "hidden": .Hidden, "base": .Base, "default": .Default,
    "clean": .Clean,
]

/// Dash operators (`-eq`, `-ceq`, …) as pwsh's `s_operatorTable`, lower case without the dash.
let operatorTable: [String: TokenKind] = [
    "as": .As, "band": .Band, "bnot": .Bnot, "bor": .Bor, "bxor": .Bxor, "ccontains": .Ccontains,
    "ceq": .Ceq, "cge": .Cge, "cgt": .Cgt, "cin": .Cin, "cle": .Cle, "clike": .Clike, "clt": .Clt,
    "cmatch": .Cmatch, "cne": .Cne, "cnotcontains": .Cnotcontains, "cnotin": .Cnotin,
    "cnotlike": .Cnotlike, "cnotmatch": .Cnotmatch, "contains": .Icontains, "creplace": .Creplace,
    "csplit": .Csplit, "eq": .Ieq, "f": .Format, "ge": .Ige, "gt": .Igt, "icontains": .Icontains,
    "ieq": .Ieq, "ige": .Ige, "igt": .Igt, "iin": .Iin, "ile": .Ile, "ilike": .Ilike, "ilt": .Ilt,
    "imatch": .Imatch, "in": .Iin, "ine": .Ine, "inotcontains": .Inotcontains, "inotin": .Inotin,
    "inotlike": .Inotlike, "inotmatch": .Inotmatch, "ireplace": .Ireplace, "is": .Is, "isnot": .IsNot,
    "isplit": .Isplit, "join": .Join, "le": .Ile, "like": .Ilike, "lt": .Ilt, "match": .Imatch,
    "ne": .Ine, "not": .Not, "notcontains": .Inotcontains, "notin": .Inotin, "notlike": .Inotlike,
    "notmatch": .Inotmatch, "replace": .Ireplace, "shl": .Shl, "shr": .Shr, "split": .Isplit, "and": .And,
    "or": .Or, "xor": .Xor,
]

/// The AST operator for a dash-operator spelling (lower case, without the dash).
let binaryOperatorTable: [String: BinaryOperator] = {
    var table: [String: BinaryOperator] = [:]
    for op in [BinaryOperator.and, .or, .xor, .band, .bor, .bxor, .shl, .shr, .format, .join, .split, .replace, .ireplace,
               .creplace, .isType, .isNotType, .asType, .eq, .ne, .gt, .ge, .lt, .le, .ieq, .ine, .igt, .ige, .ilt, .ile,
               .ceq, .cne, .cgt, .cge, .clt, .cle, .like, .notlike, .ilike, .inotlike, .clike, .cnotlike, .match,
               .notmatch, .imatch, .inotmatch, .cmatch, .cnotmatch, .contains, .notcontains, .icontains, .inotcontains,
               .ccontains, .cnotcontains, .inOp, .notin, .iin, .inotin, .cin, .cnotin, .isplit, .csplit] {
        table[String(op.rawValue.dropFirst())] = op
    }
    return table
}()
