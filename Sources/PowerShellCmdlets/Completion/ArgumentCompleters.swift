import PowerShellRuntime

/// What an argument completer is asked: which command and parameter, the word typed so far,
/// and the session to look things up in.
public struct ArgumentCompletionRequest {
    public let context: ExecutionContext
    public let commandName: String
    public let parameterName: String
    /// The word being completed, without surrounding quotes.
    public let wordToComplete: String
}

/// Argument completers by command and parameter (what `Register-ArgumentCompleter` keeps in
/// pwsh). Modules add theirs here, so Tab offers tenant names for `-Identity` and the like.
/// One registry per session, kept in the session's extension state.
public final class ArgumentCompleterRegistry {
    public typealias Completer = (ArgumentCompletionRequest) -> [CompletionResult]

    /// By lower-cased command name (`*` for every command), then lower-cased parameter name.
    private var completers: [String: [String: Completer]] = [:]

    private static let stateKey = "completion.argumentCompleters"

    /// The session's registry (created on first use).
    public static func of(_ context: ExecutionContext) -> ArgumentCompleterRegistry {
        if let r = context.extensionState[stateKey] as? ArgumentCompleterRegistry { return r }
        let r = ArgumentCompleterRegistry()
        context.extensionState[stateKey] = r
        return r
    }

    /// Registers a completer for `parameter` of each command in `commands` (`*`: any command).
    public func register(commands: [String], parameter: String, _ completer: @escaping Completer) {
        for c in commands { completers[c.lowercased(), default: [:]][parameter.lowercased()] = completer }
    }

    /// The completer for a command's parameter: the command's own, else one for every command.
    public func completer(command: String, parameter: String) -> Completer? {
        let p = parameter.lowercased()
        return completers[command.lowercased()]?[p] ?? completers["*"]?[p]
    }

    /// Results for values from a fixed list, filtered by the word's prefix (case-insensitive),
    /// quoted when they need quotes, as pwsh's completers do.
    public static func values(_ values: [String], matching word: String, type: CompletionResultType = .ParameterValue) -> [CompletionResult] {
        let pattern = WildcardPattern(word + "*")
        return values.filter { pattern.matches($0) }.map {
            CompletionResult(CompletionText.quotedIfNeeded($0), listItemText: $0, type: type, toolTip: $0)
        }
    }
}

/// Quoting rules for completion text.
enum CompletionText {
    /// Characters that make a bare argument need quotes.
    /// (Characters that end or change a bare command argument; `@` and `#` only at its start.)
    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return true }
        if first == "@" || first == "#" { return true }
        for c in s.unicodeScalars {
            switch c {
            case " ", "\t", "'", "\"", "`", "$", "(", ")", "{", "}", ";", ",", "|", "&", "<", ">":
                return true
            default: continue
            }
        }
        return false
    }

    static func quotedIfNeeded(_ s: String) -> String {
        needsQuotes(s) ? "'" + s.replacingOccurrences(of: "'", with: "''") + "'" : s
    }
}
