/// The variables a text names, found from its tokens (also inside expandable strings and their
/// `$( … )`), for questions pwsh answers by searching the AST: does a script read `$input`
/// (AstSearcher.IsUsingDollarInput), which `$using:` variables does a ForEach-Object -Parallel
/// block read (UsingExpressionAstSearcher).
public enum VariableReferences {
    /// Each variable reference: its name as written and its scope prefix (`using`, `global`…).
    public static func all(in source: SourceText) -> [(name: String, scope: String?)] {
        var found: [(name: String, scope: String?)] = []
        collect(Lexer(source: source), from: 0, into: &found, depth: 0)
        return found
    }

    /// Whether the text reads `$input`.
    public static func usesInput(_ source: SourceText) -> Bool {
        all(in: source).contains { $0.scope == nil && $0.name.lowercased() == "input" }
    }

    /// The names of the `$using:` variables the text reads, as first written, each once.
    public static func usingNames(_ source: SourceText) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for v in all(in: source) where v.scope?.lowercased() == "using" {
            if seen.insert(v.name.lowercased()).inserted { names.append(v.name) }
        }
        return names
    }

    private static func collect(_ lexer: Lexer, from start: Int, limit: Int? = nil,
                                into found: inout [(name: String, scope: String?)], depth: Int) {
        guard depth < Lexer.maxNesting else { return }
        let scanner = limit.map { Lexer(source: lexer.source, limit: $0) } ?? lexer
        for token in scanner.tokenize(mode: .expression, from: start) {
            switch token.value {
            case .variable(let name, let scope, _):
                found.append((name, scope))
            case .expandable(_, let parts):
                for part in parts {
                    switch part {
                    case .variable(let name, let scope, _, _):
                        found.append((name, scope))
                    case .subExpression(let s, let e):
                        collect(lexer, from: s + 2, limit: max(s + 2, e - 1), into: &found, depth: depth + 1)
                    case .literal:
                        break
                    }
                }
            default:
                break
            }
        }
    }
}
