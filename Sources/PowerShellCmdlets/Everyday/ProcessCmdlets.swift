import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// `Get-Process [[-Name] <string[]>] | -Id <int[]> | -InputObject <Process[]> [-IncludeUserName]`:
/// the processes of the machine from /proc, as .NET's System.Diagnostics.Process shows them on
/// Linux (WorkingSet64 from VmRSS, PagedMemorySize64 from VmSwap, no nonpaged memory, CPU from
/// the clock ticks in /proc/PID/stat), sorted by name then id.
final class GetProcessCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if let inputs = rt.bound.list("InputObject") {
            for v in inputs { try rt.writeObject(v) }
            return
        }
        let all = PSProcess.all()
        if let ids = rt.bound.list("Id") {
            for v in ids {
                let id = Int32(truncatingIfNeeded: (try? Conversion.toInt64(v)) ?? -1)
                guard let p = all.first(where: { $0.pid == id }) else {
                    try rt.writeError(rt.makeError(.argumentException, "Cannot find a process with the process identifier \(id).",
                                                   errorId: "NoProcessFoundForGivenId", category: .ObjectNotFound, target: .int(id)))
                    continue
                }
                try write(p, rt)
            }
            return
        }
        guard let names = rt.bound.strings("Name") else {
            for p in all { try write(p, rt) }
            return
        }
        var written: Set<Int32> = []
        for name in names {
            let pattern = WildcardPattern(name)
            let found = all.filter { pattern.matches($0.name) }
            if found.isEmpty && !WildcardPattern.containsWildcard(name) {
                try rt.writeError(rt.makeError(.custom(["Microsoft.PowerShell.Commands.ProcessCommandException", "System.SystemException", "System.Exception"]),
                                               "Cannot find a process with the name \"\(name)\". Verify the process name and call the cmdlet again.",
                                               errorId: "NoProcessFoundForGivenName", category: .ObjectNotFound, target: .string(name)))
            }
            for p in found where written.insert(p.pid).inserted { try write(p, rt) }
        }
    }

    private func write(_ p: PSProcess, _ rt: CommandRuntime) throws {
        p.includeUserName = rt.bound.isOn("IncludeUserName")
        try rt.writeObject(.object(p))
    }

    /// pwsh's "process" table view (DotNetTypes_format_ps1xml.cs) and its IncludeUserName view.
    static var views: [FormatViewDefinition] {
        func number(_ key: String, divisor: Double, decimals: Bool) -> FormatExpression {
            .script { v in
                guard case .object(let o) = v, let p = o as? PSProcess else { return .null }
                let raw: Double
                switch key {
                case "npm": raw = Double(p.nonpagedMemory)
                case "pm": raw = Double(p.pagedMemory)
                case "ws": raw = Double(p.workingSet)
                default: raw = p.cpuSeconds ?? 0
                }
                let value = raw / divisor
                return decimals ? .string(String(format: "%.2f", value)) : .long(Int64(value.rounded()))
            }
        }
        return [FormatViewDefinition(name: "process", typeNames: ["System.Diagnostics.Process"], control: .table(TableViewDefinition(columns: [
            TableColumnDefinition(number("npm", divisor: 1024, decimals: false), label: "NPM(K)", width: 7, alignment: .right),
            TableColumnDefinition(number("pm", divisor: 1_048_576, decimals: true), label: "PM(M)", width: 8, alignment: .right),
            TableColumnDefinition(number("ws", divisor: 1_048_576, decimals: true), label: "WS(M)", width: 10, alignment: .right),
            TableColumnDefinition(number("cpu", divisor: 1, decimals: true), label: "CPU(s)", width: 10, alignment: .right),
            .property("Id", width: 7, alignment: .right), .property("SI", width: 3, alignment: .right), .property("ProcessName"),
        ])))]
    }
}

/// System.Diagnostics.Process for one /proc entry (read when made; Refresh() reads again).
final class PSProcess: PSDotNetObject {
    let pid: Int32
    private(set) var name = ""
    private(set) var workingSet: Int64 = 0
    private(set) var pagedMemory: Int64 = 0
    private(set) var privateMemory: Int64 = 0
    private(set) var virtualMemory: Int64 = 0
    let nonpagedMemory: Int64 = 0
    private(set) var cpuSeconds: Double?
    private(set) var startTicks: Int64 = 0
    private(set) var threads = 0
    private(set) var sessionId: Int32 = 0
    private(set) var parentId: Int32 = 0
    private(set) var path = ""
    private(set) var commandLine = ""
    private(set) var handles = 0
    private(set) var uid: UInt32 = 0
    var includeUserName = false

    init(pid: Int32) {
        self.pid = pid
        super.init()
        refresh()
    }

    /// Every process /proc lists, by name then id.
    static func all() -> [PSProcess] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.map { PSProcess(pid: $0) }.filter { !$0.name.isEmpty }
            .sorted { $0.name.lowercased() != $1.name.lowercased() ? $0.name.lowercased() < $1.name.lowercased() : $0.pid < $1.pid }
    }

    private static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func refresh() {
        let base = "/proc/\(pid)"
        guard let stat = PSProcess.read(base + "/stat"), let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return }
        var comm = String(stat[stat.index(after: open)..<close])
        let fields = stat[stat.index(after: close)...].split(separator: " ").map(String.init)
        // Fields after the name, from state (3): ppid 4, session 6, utime 14, stime 15, threads 20, starttime 22.
        func field(_ n: Int) -> String { n - 3 < fields.count && n >= 3 ? fields[n - 3] : "0" }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        parentId = Int32(field(4)) ?? 0
        sessionId = Int32(field(6)) ?? 0
        cpuSeconds = ((Double(field(14)) ?? 0) + (Double(field(15)) ?? 0)) / max(1, ticksPerSecond)
        threads = Int(field(20)) ?? 0
        let bootTime = PSProcess.bootTime()
        startTicks = Ticks.unixEpoch + Int64((bootTime + (Double(field(22)) ?? 0) / max(1, ticksPerSecond)) * 10_000_000)
        commandLine = (PSProcess.read(base + "/cmdline") ?? "").split(separator: "\0").joined(separator: " ")
        path = (try? FileManager.default.destinationOfSymbolicLink(atPath: base + "/exe")) ?? ""
        // .NET: the 15-character kernel name, completed from the command line when it is cut.
        if comm.count >= 15, let first = commandLine.split(separator: " ").first {
            let exe = (String(first) as NSString).lastPathComponent
            if exe.hasPrefix(comm) { comm = exe }
        }
        name = comm
        for line in (PSProcess.read(base + "/status") ?? "").split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            let kb = (Int64(value.split(separator: " ").first ?? "0") ?? 0) * 1024
            switch parts[0] {
            case "VmRSS": workingSet = kb
            case "VmSwap": pagedMemory = kb
            case "VmData": privateMemory = kb
            case "VmSize": virtualMemory = kb
            case "Uid": uid = UInt32(value.split(separator: "\t").first ?? "0") ?? 0
            default: break
            }
        }
        handles = ((try? FileManager.default.contentsOfDirectory(atPath: base + "/fd")) ?? []).count
    }

    private static func bootTime() -> Double {
        for line in (read("/proc/stat") ?? "").split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6)) ?? 0
        }
        return 0
    }

    private var userName: String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return String(uid) }
        return String(cString: name)
    }

    override var typeFullName: String { "System.Diagnostics.Process" }
    override var typeHierarchy: [String] { ["System.Diagnostics.Process", "System.ComponentModel.Component", "System.MarshalByRefObject", "System.Object"] }
    override var propertyNames: [String] {
        ["Name", "SI", "Handles", "VM", "WS", "PM", "NPM", "Path", "Parent", "CommandLine", "Company", "CPU", "Id", "ProcessName",
         "SessionId", "StartTime", "Threads", "TotalProcessorTime", "WorkingSet64", "PagedMemorySize64", "PrivateMemorySize64",
         "VirtualMemorySize64", "NonpagedSystemMemorySize64", "HandleCount", "HasExited", "Responding", "MainWindowTitle"]
            + (includeUserName ? ["UserName"] : [])
    }
    override var methodNames: [String] { ["Kill", "Refresh", "WaitForExit"] }

    override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name", "processname": return .string(name)
        case "id": return .int(pid)
        case "si", "sessionid": return .int(sessionId)
        case "handles", "handlecount": return .int(Int32(clamping: handles))
        case "vm", "virtualmemorysize64": return .long(virtualMemory)
        case "ws", "workingset64": return .long(workingSet)
        case "pm", "pagedmemorysize64": return .long(pagedMemory)
        case "npm", "nonpagedsystemmemorysize64": return .long(nonpagedMemory)
        case "privatememorysize64": return .long(privateMemory)
        case "path": return .string(path)
        case "commandline": return .string(commandLine)
        case "parent": return parentId > 0 && FileManager.default.fileExists(atPath: "/proc/\(parentId)") ? .object(PSProcess(pid: parentId)) : .null
        case "company", "mainwindowtitle": return n.lowercased() == "company" ? .null : .string("")
        case "cpu": return cpuSeconds.map { .double($0) } ?? .null
        case "totalprocessortime": return .object(PSTimeSpan(ticks: Int64((cpuSeconds ?? 0) * 10_000_000)))
        case "starttime": return .object(PSDateTime(ticks: startTicks + Ticks.localOffset(utcTicks: startTicks), kind: .local))
        case "threads": return .int(Int32(clamping: threads))
        case "hasexited": return .bool(!FileManager.default.fileExists(atPath: "/proc/\(pid)"))
        case "responding": return .bool(true)
        case "username": return includeUserName ? .string(userName) : nil
        default: return nil
        }
    }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        switch name {
        case "kill":
            if Glibc.kill(pid, SIGKILL) != 0 {
                throw RuntimeError(.invalidOperationException, "Cannot process request because the process (\(pid)) has exited.",
                                   errorId: "InvalidOperationException", category: .InvalidOperation)
            }
            return .null
        case "refresh":
            refresh()
            return .null
        case "waitforexit":
            let limit = args.first.map { Double((try? Conversion.toInt64($0)) ?? -1) / 1000 } ?? -1
            let deadline = Date().addingTimeInterval(limit)
            while FileManager.default.fileExists(atPath: "/proc/\(pid)") {
                try PipelineStop.check()
                if limit >= 0 && Date() >= deadline { return .bool(false) }
                InterpreterLock.releasing { usleep(20_000) }
            }
            return args.isEmpty ? .null : .bool(true)
        default:
            return nil
        }
    }

    override func toPSString() -> String { "System.Diagnostics.Process (\(name))" }
}
