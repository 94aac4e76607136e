import Foundation

/// `[Console]`: the process's standard streams as .NET's System.Console shows them to scripts
/// (`[Console]::In.ReadToEnd()` for piped input, `[Console]::WriteLine()`, the window size and
/// redirection flags). Writes go through the session's host, so they keep their place among
/// the other output.
enum ConsoleMembers {
    static func get(_ name: String, hooks: RuntimeHooks) -> Value? {
        let host = hooks.host
        switch name {
        case "in": return .object(ConsoleTextReader())
        case "out": return .object(ConsoleTextWriter(isError: false))
        case "error": return .object(ConsoleTextWriter(isError: true))
        case "windowwidth", "bufferwidth", "largestwindowwidth":
            // Without a console, the width output is formatted at (80).
            return .int(Int32(clamping: host?.windowSize?.width ?? host?.width ?? 80))
        case "windowheight", "largestwindowheight":
            return .int(Int32(clamping: host?.windowSize?.height ?? 0))
        case "bufferheight":
            return .int(Int32(clamping: host?.windowSize.map { _ in 9001 } ?? 0))
        case "isinputredirected": return .bool(host?.redirection.input ?? true)
        case "isoutputredirected": return .bool(host?.redirection.output ?? true)
        case "iserrorredirected": return .bool(host?.redirection.error ?? true)
        case "keyavailable", "capslock", "numberlock", "treatcontrolcasinput": return .bool(false)
        case "cursorvisible": return .bool(true)
        case "title": return .string("")
        case "outputencoding", "inputencoding": return .object(PSEncoding(.utf8))
        default: return nil
        }
    }

    static func invoke(_ name: String, _ a: MethodArgs) throws -> Value? {
        let host = a.hooks.host
        switch name {
        case "writeline", "write":
            let text = try ConsoleTextWriter.text(a)
            host?.writeOutput(name == "writeline" ? text + "\n" : text)
            return .null
        case "readline":
            try a.expect(0)
            return host?.readInputLine().map { .string($0) } ?? .null
        case "clear":
            try a.expect(0)
            if host?.redirection.output == false { host?.writeOutput("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
            return .null
        case "beep", "resetcolor":
            return .null
        default:
            return nil
        }
    }
}

/// `[Console]::In`: standard input as a TextReader (SyncTextReader).
final class ConsoleTextReader: PSDotNetObject {
    override var typeFullName: String { "System.IO.SyncTextReader" }
    override var methodNames: [String] { ["Peek", "Read", "ReadLine", "ReadToEnd"] }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        switch name {
        case "readtoend":
            guard args.isEmpty else { throw MemberFailure.noOverload }
            return .string(hooks.host?.readToEnd() ?? "")
        case "readline":
            guard args.isEmpty else { throw MemberFailure.noOverload }
            return hooks.host?.readInputLine().map { .string($0) } ?? .null
        default:
            return nil
        }
    }
}

/// `[Console]::Out` / `[Console]::Error`: a TextWriter onto stdout or stderr.
final class ConsoleTextWriter: PSDotNetObject {
    let isError: Bool

    init(isError: Bool) {
        self.isError = isError
    }

    override var typeFullName: String { "System.IO.TextWriter+SyncTextWriter" }
    override var methodNames: [String] { ["Flush", "Write", "WriteLine"] }

    /// The text of `Write`/`WriteLine` arguments: one value, or a composite format and its items.
    static func text(_ a: MethodArgs) throws -> String {
        switch a.count {
        case 0: return ""
        case 1: return Conversion.toString(a[0], hooks: a.hooks)
        default: return try CompositeFormat.format(Conversion.toString(a[0], hooks: a.hooks), Array(a.values.dropFirst()), hooks: a.hooks)
        }
    }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        switch name {
        case "write", "writeline":
            var text = try ConsoleTextWriter.text(MethodArgs(args, hooks))
            if name == "writeline" { text += "\n" }
            if isError { hooks.host?.writeErrorText(text) } else { hooks.host?.writeOutput(text) }
            return .null
        case "flush":
            hooks.host?.flush()
            return .null
        default:
            return nil
        }
    }
}
