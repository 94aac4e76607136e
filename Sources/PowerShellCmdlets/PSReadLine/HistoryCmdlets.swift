import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// The session history (pwsh's runspace History): the command lines the interactive shell ran,
/// with their status and times. Get-History, Add-History, Invoke-History (`r`) and Clear-History
/// work on it; scripts run with -File have an empty one, as in pwsh.
public final class SessionHistory {
    static let key = "teamsh.history"

    public struct Entry {
        public let id: Int64
        public let commandLine: String
        public var status: String
        public let start: PSDateTime
        public var end: PSDateTime
    }

    /// Where Invoke-History leaves the command line it ran, for the shell's history.
    public static let invokedKey = "teamsh.history.invoked"

    public private(set) var entries: [Entry] = []
    private var nextId: Int64 = 1

    public static func of(_ context: ExecutionContext) -> SessionHistory {
        if let h = context.extensionState[key] as? SessionHistory { return h }
        let h = SessionHistory()
        context.extensionState[key] = h
        return h
    }

    /// Records a command line the shell ran; `status` is Completed, Failed or Stopped.
    @discardableResult
    public func add(_ commandLine: String, status: String, start: PSDateTime, end: PSDateTime, limit: Int = 4096) -> Entry {
        let entry = Entry(id: nextId, commandLine: commandLine, status: status, start: start, end: end)
        nextId += 1
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return entry
    }

    func remove(_ ids: Set<Int64>) { entries.removeAll { ids.contains($0.id) } }

    static func object(_ e: Entry) -> Value {
        .object(NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.HistoryInfo"], [
            ("Id", .long(e.id)), ("CommandLine", .string(e.commandLine)),
            ("ExecutionStatus", .string(e.status)), ("StartExecutionTime", .object(e.start)),
            ("EndExecutionTime", .object(e.end)), ("Duration", .object(PSTimeSpan(ticks: e.end.ticks - e.start.ticks))),
        ]))
    }

    /// pwsh's view of HistoryInfo (PowerShellCore_format_ps1xml.cs): Id (4, right), Duration (12,
    /// right, `s.fff`, `m:ss.fff`, `h:mm:ss.fff`), CommandLine.
    static var views: [FormatViewDefinition] {
        [FormatViewDefinition(name: "history", typeNames: ["Microsoft.PowerShell.Commands.HistoryInfo"], control: .table(TableViewDefinition(columns: [
            .property("Id", width: 4, alignment: .right),
            TableColumnDefinition(.script(durationText), label: "Duration", width: 12, alignment: .right),
            .property("CommandLine"),
        ])))]
    }

    private static func durationText(_ v: Value) -> Value {
        guard case .object(let o) = v, let r = o as? NativeRecord, case .object(let d)? = r.property("Duration"),
              let span = d as? PSTimeSpan else { return .null }
        let ms = max(0, span.ticks / 10_000)
        let s = ms / 1000, fraction = String(format: "%03d", Int(ms % 1000))
        if s >= 3600 { return .string("\(s / 3600):" + String(format: "%02d:%02d", Int(s / 60 % 60), Int(s % 60)) + ".\(fraction)") }
        if s >= 60 { return .string("\(s / 60):" + String(format: "%02d", Int(s % 60)) + ".\(fraction)") }
        return .string("\(s).\(fraction)")
    }
}

enum HistoryCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-History", GetHistoryCommand.self),
        ("Add-History", AddHistoryCommand.self),
        ("Invoke-History", InvokeHistoryCommand.self),
        ("Clear-History", ClearHistoryCommand.self),
    ]
}

/// `Get-History [[-Id] <long[]>] [[-Count] <int>]`
final class GetHistoryCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let history = SessionHistory.of(rt.context)
        let count = rt.bound.int("Count")
        if let ids = rt.bound.list("Id") {
            if ids.count > 1 && count != nil {
                try rt.throwTerminating(rt.error("GetHistoryNoCountWithMultipleIds", "The count cannot be combined with multiple Ids.", .InvalidArgument))
            }
            for v in ids {
                let id = (try? Conversion.toInt64(v)) ?? 0
                guard let index = history.entries.firstIndex(where: { $0.id == id }) else {
                    try rt.writeError(rt.error("GetHistoryNoHistoryForId", "Cannot locate the history for Id \(id).", .ObjectNotFound,
                                               target: .long(id)))
                    continue
                }
                // With -Count, the entries up to this one.
                let first = max(0, index - (count ?? 1) + 1)
                for e in history.entries[first...index] { try rt.writeObject(SessionHistory.object(e)) }
            }
                return
        }
        let all = history.entries
        for e in all.suffix(count ?? all.count) { try rt.writeObject(SessionHistory.object(e)) }
    }
}

/// `Add-History [[-InputObject] <psobject[]>] [-Passthru]`: entries from HistoryInfo-shaped
/// objects (CommandLine, ExecutionStatus, StartExecutionTime, EndExecutionTime).
final class AddHistoryCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        for v in rt.bound.list("InputObject") ?? [] {
            guard let line = try rt.property(v, "CommandLine"), !line.isNull else {
                try rt.writeError(rt.error("AddHistoryInvalidInput", "Cannot add history because the input object has a format that is not valid.",
                                           .InvalidData, target: v))
                continue
            }
            let now = PSDateTime.now()
            let start = (try rt.property(v, "StartExecutionTime"))?.reference as? PSDateTime ?? now
            let end = (try rt.property(v, "EndExecutionTime"))?.reference as? PSDateTime ?? now
            let status = (try rt.property(v, "ExecutionStatus")).map { rt.text($0) } ?? "Completed"
            let entry = SessionHistory.of(rt.context).add(rt.text(line), status: status.isEmpty ? "Completed" : status, start: start, end: end)
            if rt.bound.isOn("Passthru") { try rt.writeObject(SessionHistory.object(entry)) }
        }
    }
}

/// `Invoke-History [[-Id] <string>]` (`r`): runs a command of the history again: the last one,
/// the one with that id, or the newest whose command line starts with the text. The command
/// line is shown first, as pwsh does.
final class InvokeHistoryCommand: Cmdlet {
    nonisolated(unsafe) private static var depth = 0

    override func process(_ rt: CommandRuntime) throws {
        let history = SessionHistory.of(rt.context)
        let entry: SessionHistory.Entry
        if let idText = rt.bound.string("Id") {
            if let id = Int64(idText) {
                guard id > 0 else {
                    try rt.throwTerminating(rt.error("InvokeHistoryInvalidIdGetHistory",
                        "The identifier \(idText) is not a valid value for a History identifier. Specify a positive number, and then try again.", .InvalidArgument))
                }
                guard let e = history.entries.first(where: { $0.id == id }) else {
                    try rt.throwTerminating(rt.error("InvokeHistoryNoHistoryForId", "Cannot locate the history for Id \(id).", .ObjectNotFound,
                                                            target: .long(id)))
                }
                entry = e
            } else {
                guard let e = history.entries.last(where: { $0.commandLine.lowercased().hasPrefix(idText.lowercased()) }) else {
                    try rt.throwTerminating(rt.error("InvokeHistoryNoHistoryForCommandline",
                        "Cannot locate the history for command line \(idText).", .ObjectNotFound, target: .string(idText)))
                }
                entry = e
            }
        } else {
            guard let e = history.entries.last else {
                try rt.throwTerminating(rt.error("InvokeHistoryNoLastHistoryEntryFound", "Cannot locate most recent history.", .ObjectNotFound))
            }
            entry = e
        }
        guard InvokeHistoryCommand.depth == 0 else {
            try rt.throwTerminating(rt.makeError(.invalidOperationException, "The Invoke-History cmdlet is called repeatedly, in a loop.",
                                                        errorId: "InvokeHistoryLoopDetected", category: .InvalidOperation))
        }
        guard try rt.shouldProcess(target: entry.commandLine, action: "Invoke-History") else { return }
        InvokeHistoryCommand.depth += 1
        defer { InvokeHistoryCommand.depth -= 1 }
        rt.context.host.writeOutput(entry.commandLine + "\n")
        let block = try rt.context.parseScriptBlock(entry.commandLine)
        try rt.context.invokeScriptBlock(block, args: [], dollarUnder: nil, dotSource: true, output: rt.outputPipe())
        // What ran is recorded under its own command line (the REPL reads this).
        rt.context.extensionState[SessionHistory.invokedKey] = entry.commandLine as NSString
    }

}

/// `Clear-History [[-Id] <int[]>] [[-Count] <int>] [-Newest] | -CommandLine <string[]>`
final class ClearHistoryCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let history = SessionHistory.of(rt.context)
        var remove: Set<Int64> = []
        if let ids = rt.bound.list("Id") {
            for v in ids {
                let id = (try? Conversion.toInt64(v)) ?? 0
                guard history.entries.contains(where: { $0.id == id }) else {
                    try rt.writeError(rt.error("ClearHistoryNoHistoryForId", "Cannot locate the history for Id \(id).", .ObjectNotFound, target: .long(id)))
                    continue
                }
                remove.insert(id)
            }
        } else if let lines = rt.bound.strings("CommandLine") {
            for line in lines {
                let pattern = WildcardPattern(line)
                let found = history.entries.filter { pattern.matches($0.commandLine) }
                if found.isEmpty {
                    try rt.writeError(rt.error("ClearHistoryNoHistoryForCommandline", "Cannot locate the history for command line \(line).",
                                               .ObjectNotFound, target: .string(line)))
                }
                let chosen = rt.bound.isOn("Newest") ? found.suffix(rt.bound.int("Count") ?? found.count) : found.prefix(rt.bound.int("Count") ?? found.count)
                for e in chosen { remove.insert(e.id) }
            }
        } else if let count = rt.bound.int("Count") {
            let chosen = rt.bound.isOn("Newest") ? history.entries.suffix(count) : history.entries.prefix(count)
            for e in chosen { remove.insert(e.id) }
        } else {
            guard try rt.shouldProcess(target: "This command will clear all the entries from the session history.", action: "Clear-History") else { return }
            remove = Set(history.entries.map(\.id))
        }
        history.remove(remove)
    }
}
