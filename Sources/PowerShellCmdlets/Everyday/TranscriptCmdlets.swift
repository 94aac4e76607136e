import Foundation
import PowerShellRuntime

/// `Start-Transcript [[-Path] <string>] | -LiteralPath | -OutputDirectory [-Append] [-Force]
/// [-NoClobber] [-IncludeInvocationHeader] [-UseMinimalHeader]` and `Stop-Transcript`
/// (Microsoft.PowerShell.Host, StartTranscriptCmdlet.cs at v7.6.5): the host's output copied
/// into a file between pwsh's header and footer (InternalHostUserInterfaceStrings.resx).
enum TranscriptCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Start-Transcript", StartTranscriptCommand.self),
        ("Stop-Transcript", StopTranscriptCommand.self),
    ]

    static func timestamp(_ date: PSDateTime = .now()) -> String {
        (try? date.format("yyyyMMddHHmmss")) ?? ""
    }

    static var footer: String {
        "**********************\nPowerShell transcript end\nEnd time: \(timestamp())\n**********************\n"
    }
}

final class StartTranscriptCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let path: String
        if let p = rt.bound.string("LiteralPath") ?? rt.bound.string("Path") {
            path = resolver.parse(p).path
        } else {
            let folder = rt.bound.string("OutputDirectory").map { resolver.parse($0).path } ?? rt.context.homeDirectory
            path = folder + "/" + StartTranscriptCommand.defaultName()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                try rt.throwTerminating(rt.makeError(.argumentException, "File path \(path) resolves to a directory.",
                                                     errorId: "CannotStartTranscription", category: .InvalidArgument, target: .string(path)))
            }
            if rt.bound.isOn("NoClobber") && !rt.bound.isOn("Append") {
                try rt.throwTerminating(rt.makeError(.ioException, "File \(path) already exists and NoClobber was specified.",
                                                     errorId: "NoClobber", category: .ResourceExists, target: .string(path)))
            }
        }
        guard try rt.shouldProcess(target: path, action: "Start-Transcript") else { return }
        let header = rt.bound.isOn("UseMinimalHeader")
            ? "**********************\nPowerShell transcript start\nStart time: \(TranscriptCmdlets.timestamp())\n**********************\n"
            : fullHeader(rt)
        do {
            _ = try Transcription.start(path: path, append: rt.bound.isOn("Append"), header: header)
        } catch {
            try rt.throwTerminating(rt.makeError(.unauthorizedAccessException,
                                                 "Transcription cannot be started due to the error: Access to the path '\(path)' is denied.",
                                                 errorId: "CannotStartTranscription", category: .InvalidOperation, target: .string(path)))
        }
        try rt.writeObject(.string("Transcript started, output file is \(path)"))
    }

    /// `PowerShell_transcript.MACHINE.RANDOM.yyyyMMddHHmmss.txt`, pwsh's default name.
    static func defaultName() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let random = String((0..<8).map { _ in letters[Int.random(in: 0..<letters.count)] })
        let machine = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        return "PowerShell_transcript.\(machine).\(random).\(TranscriptCmdlets.timestamp()).txt"
    }

    /// .NET's Environment.OSVersion.VersionString on Linux: `Unix` and the kernel's version.
    static var osVersion: String {
        let v = ProcessInfo.processInfo.operatingSystemVersion
        return "Unix \(v.majorVersion).\(v.minorVersion).\(v.patchVersion)"
    }

    /// pwsh's TranscriptPrologue: who, where, which process, then the PSVersionTable.
    private func fullHeader(_ rt: CommandRuntime) -> String {
        let machine = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        let user = machine + "\\" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName())
        var versions: [String] = []
        if let table = rt.context.variableValue("PSVersionTable")?.hashtable {
            for (k, v) in zip(table.keys, table.values) {
                let text = v.array.map { $0.items.map { rt.text($0) }.joined(separator: ", ") } ?? rt.text(v)
                versions.append(rt.text(k) + ": " + text)
            }
        }
        return """
        **********************
        PowerShell transcript start
        Start time: \(TranscriptCmdlets.timestamp())
        Username: \(user)
        RunAs User: \(user)
        Configuration Name: 
        Machine: \(machine) (\(StartTranscriptCommand.osVersion))
        Host Application: \(CommandLine.arguments.joined(separator: " "))
        Process ID: \(ProcessInfo.processInfo.processIdentifier)
        \(versions.joined(separator: "\n"))
        **********************

        """
    }
}

final class StopTranscriptCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard try rt.shouldProcess(target: "", action: "Stop-Transcript") else { return }
        guard let path = Transcription.stop(footer: TranscriptCmdlets.footer) else {
            try rt.throwTerminating(rt.makeError(.psInvalidOperationException,
                                                 "An error occurred stopping transcription: The host is not currently transcribing.",
                                                 errorId: "InvalidOperation", category: .InvalidOperation))
        }
        try rt.writeObject(.string("Transcript stopped, output file is \(path)"))
    }
}
