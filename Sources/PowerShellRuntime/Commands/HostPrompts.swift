import Foundation

/// The console host's prompts (pwsh's ConsoleHostUserInterface Prompt and PromptForChoice):
/// the ShouldProcess confirmation and the values of missing mandatory parameters. They read
/// from the terminal, or from redirected stdin (an answer piped in, echoed as pwsh echoes it);
/// only `-NonInteractive` refuses them.
extension ExecutionContext {
    /// One choice of a PromptForChoice: its label with `&` before the hotkey, and its help.
    public struct Choice {
        public let label: String
        public let help: String

        public init(_ label: String, _ help: String) {
            self.label = label
            self.help = help
        }

        /// The hotkey (the character after `&`, upper-cased) and the label without the `&`.
        var hotkeyAndPlainLabel: (hotkey: String, plain: String) {
            guard let amp = label.firstIndex(of: "&"), label.index(after: amp) < label.endIndex else { return ("", label) }
            let hotkey = String(label[label.index(after: amp)]).uppercased()
            var plain = label
            plain.remove(at: amp)
            return (hotkey, plain)
        }
    }

    /// The choices of ShouldProcess's confirmation (CommandBaseStrings.resx).
    public static let confirmationChoices = [
        Choice("&Yes", "Continue with only the next step of the operation."),
        Choice("Yes to &All", "Continue with all the steps of the operation."),
        Choice("&No", "Skip this operation and proceed with the next operation."),
        Choice("No to A&ll", "Skip this operation and all subsequent operations."),
        Choice("&Suspend", "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline."),
    ]

    /// Asks until an answer names a choice (by hotkey or label, any case); Enter picks the
    /// default, `?` lists each choice's help. Returns the chosen index.
    public func promptForChoice(caption: String, message: String, choices: [Choice], defaultChoice: Int) throws -> Int {
        try refuseIfNonInteractive()
        outDefaultFlush()
        if !caption.isEmpty { host.writeOutput("\n" + caption + "\n") }
        if !message.isEmpty { host.writeOutput(message + "\n") }
        let keys = choices.map(\.hotkeyAndPlainLabel)
        var line = keys.map { $0.hotkey.isEmpty ? $0.plain : "[\($0.hotkey)] \($0.plain)" }.joined(separator: "  ")
        line += "  [?] Help"
        if keys.indices.contains(defaultChoice) {
            let d = keys[defaultChoice]
            line += " (default is \"\(d.hotkey.isEmpty ? d.plain : d.hotkey)\")"
        }
        line += ": "
        while true {
            host.writeOutput(line)
            guard let raw = host.readLine() else {
                // NOTE: pwsh fails on a prompt whose input has ended; teamsh cancels the prompt.
                try PipelineStop.check()
                throw RuntimeError(.psInvalidOperationException, "The prompt was canceled.", errorId: "PromptForChoiceCanceled",
                                   category: .OperationStopped)
            }
            try PipelineStop.check()
            let answer = raw.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty {
                if keys.indices.contains(defaultChoice) { return defaultChoice }
                continue
            }
            if answer == "?" {
                for (k, c) in zip(keys, choices) { host.writeOutput((k.hotkey.isEmpty ? k.plain : k.hotkey) + " - " + c.help + "\n") }
                continue
            }
            if let i = keys.firstIndex(where: { !$0.hotkey.isEmpty && $0.hotkey.caseInsensitiveCompare(answer) == .orderedSame }) { return i }
            if let i = keys.firstIndex(where: { $0.plain.caseInsensitiveCompare(answer) == .orderedSame }) { return i }
        }
    }

    /// Asks for the values of missing mandatory parameters under pwsh's caption ("cmdlet NAME
    /// at command pipeline position N" / "Supply values for the following parameters:"). An
    /// array parameter is asked item by item (`Name[0]: `) until an empty answer; a
    /// SecureString is typed masked. Returns the answers by parameter name, or nil when input
    /// ended before all were given.
    func promptForParameters(command: String, position: Int, parameters: [ParameterDeclaration]) throws -> [String: Value]? {
        try refuseIfNonInteractive()
        outDefaultFlush()
        host.writeOutput("\ncmdlet \(command) at command pipeline position \(position)\nSupply values for the following parameters:\n")
        func helpMessage(_ p: ParameterDeclaration) -> String? { p.sets.lazy.compactMap(\.helpMessage).first }
        if parameters.contains(where: { helpMessage($0) != nil }) { host.writeOutput("(Type !? for Help.)\n") }
        var answers: [String: Value] = [:]
        for p in parameters {
            let isList = p.typeName.hasSuffix("[]")
            let isSecret = p.typeName.hasSuffix("SecureString")
            var items: [Value] = []
            while true {
                host.writeOutput(isList ? "\(p.name)[\(items.count)]: " : "\(p.name): ")
                guard let line = host.readLine(masked: isSecret) else {
                    try PipelineStop.check()
                    return nil
                }
                try PipelineStop.check()
                if line == "!?", let help = helpMessage(p) {
                    host.writeOutput(help + "\n")
                    continue
                }
                if isList {
                    if line.isEmpty { break }
                    items.append(.string(line))
                    continue
                }
                answers[p.name] = isSecret ? .object(PSSecureString(line)) : .string(line)
                break
            }
            if isList { answers[p.name] = .object(PSArray(items)) }
        }
        return answers
    }

    private func refuseIfNonInteractive() throws {
        if nonInteractive {
            throw RuntimeError(.psInvalidOperationException,
                               "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                               errorId: "PromptNotSupported", category: .InvalidOperation)
        }
    }
}
