import Foundation
import PowerShellSyntax

/// Runs a program as Linux pwsh does (`$PSNativeCommandArgumentPassing = 'Standard'`): each
/// argument one argv entry (arrays spread, empty strings kept), pipeline input to stdin,
/// stdout lines to the pipeline, stderr through (or as ErrorRecords under `2>&1`),
/// `$LASTEXITCODE` and `$?` set.
final class NativeCommandProcessor: CommandProcessor {
    let path: String
    let name: String
    let arguments: [CommandArgument]
    let invocation: InvocationInfo
    override var invocationInfo: InvocationInfo? { invocation }
    let commandAst: CommandAst
    var input: [Value] = []
    var failed = false

    override var hadErrors: Bool { failed }

    init(context: ExecutionContext, path: String, name: String, arguments: [CommandArgument], invocation: InvocationInfo,
         output: Pipe, commandAst: CommandAst) {
        self.path = path
        self.name = name
        self.arguments = arguments
        self.invocation = invocation
        self.commandAst = commandAst
        super.init(context: context, output: output)
    }

    override func process(_ value: Value) throws {
        input.append(value)
    }

    /// argv entries for the arguments.
    func argv() -> [String] {
        var out: [String] = []
        for a in arguments {
            switch a {
            case .named(let n, let v, let hasColon, _):
                if let v = v {
                    if hasColon {
                        out.append("-" + n + ":" + Conversion.toString(v, hooks: context.hooks))
                    } else {
                        out.append("-" + n)
                        out += strings(v)
                    }
                } else {
                    out.append("-" + n + (hasColon ? ":" : ""))
                }
            case .positional(let v, _):
                out += strings(v)
            }
        }
        return out
    }

    func strings(_ v: Value) -> [String] {
        if let a = v.array { return a.items.map { Conversion.toString($0, hooks: context.hooks) } }
        return [Conversion.toString(v, hooks: context.hooks)]
    }

    override func end() throws {
        context.outDefaultFlush()
        context.host.flush()
        // Standalone, as pwsh runs a program whose output goes straight to Out-Default: on
        // teamsh's own stdout, so programs that draw on the terminal work.
        let standalone = output.isOutDefault
        let errorTarget = context.finalTarget(routing.error)
        let errorStream: ChildProcess.Stream
        switch errorTarget {
        case .host: errorStream = .inherit
        case .discard: errorStream = .null
        default: errorStream = .pipe
        }
        let inputStream: ChildProcess.Stream = expectingInput ? .pipe
            : (context.host.isInteractive || context.programsInheritStdin) ? .inherit : .null
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(path: path, arguments: argv(), directory: context.currentLocation,
                                           stdin: inputStream, stdout: standalone ? .inherit : .pipe, stderr: errorStream)
        } catch {
            throw RuntimeError(startFailure(error))
        }
        if let fd = child.stdinWrite {
            let bytes = Array(input.map { Conversion.toString($0, hooks: context.hooks) + "\n" }.joined().utf8)
            input = []
            // A writer of its own, so a program that writes before it has read everything
            // cannot block teamsh (and teamsh it).
            let handle = FileHandle(fileDescriptor: dup(fd), closeOnDealloc: true)
            child.closeStdin()
            DispatchQueue.global().async {
                signal(SIGPIPE, SIG_IGN)
                try? handle.write(contentsOf: Data(bytes))
                try? handle.close()
            }
        }
        let code: Int32
        do {
            try relayOutput(of: child)
            code = try child.waitStopping()
        } catch {
            // Stopped (Ctrl+C, or a later command such as Select-Object -First has all it
            // wants): pwsh kills the program it stops.
            child.kill()
            child.wait()
            throw error
        }
        try context.setLastExitCode(code)
        if code != 0 {
            failed = true
            if Conversion.toBool(context.variableValue("PSNativeCommandUseErrorActionPreference") ?? .bool(false)) {
                let ex = PSExceptionObject(.nativeCommandExitException, "Program \"\((path as NSString).lastPathComponent)\" ended with non-zero exit code: \(code).")
                let record = ErrorRecord(exception: ex, errorId: "ProgramExitedWithNonZeroCode", category: .NotSpecified,
                                         targetObject: .string(path), invocationInfo: invocation)
                let action = context.preference("ErrorActionPreference", default: .Continue)
                if action == .Stop { throw RuntimeError(record) }
                context.recordError(record)
                if action != .SilentlyContinue && action != .Ignore { context.reportToHost(record) }
            }
        }
    }

    /// Passes the program's piped output on line by line as it arrives (stdout to the
    /// pipeline, stderr as error records), until both streams end. Checks for a stop at least
    /// every 50 ms, so Ctrl+C ends a silent program promptly too.
    private func relayOutput(of child: ChildProcess) throws {
        var streams: [(fd: Int32, isError: Bool, lines: LineSplitter)] = []
        if let fd = child.stdoutRead { streams.append((fd, false, LineSplitter())) }
        if let fd = child.stderrRead { streams.append((fd, true, LineSplitter())) }
        defer { child.closeOutputs() }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !streams.isEmpty {
            try PipelineStop.check()
            var fds = streams.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = InterpreterLock.releasing { poll(&fds, nfds_t(fds.count), 50) }
            if ready <= 0 { continue }
            var index = 0
            while index < streams.count {
                guard fds[index].revents != 0 else { index += 1; continue }
                let n = buffer.withUnsafeMutableBytes { read(streams[index].fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { index += 1; continue }
                var lines: [String]
                let ended = n <= 0
                if ended {
                    lines = streams[index].lines.finish().map { [$0] } ?? []
                } else {
                    lines = streams[index].lines.feed(buffer[0..<n])
                }
                let isError = streams[index].isError
                if ended {
                    streams.remove(at: index)
                    fds.remove(at: index)
                } else {
                    index += 1
                }
                for line in lines {
                    if isError { try writeErrorLine(line) } else { try output.write(.string(line)) }
                }
            }
        }
    }

    /// A line the program wrote to stderr when stderr is redirected: an ErrorRecord
    /// (NativeCommandError), or text appended to the file `2>` names.
    private func writeErrorLine(_ line: String) throws {
        if case .file(let p, let append) = routing.error {
            context.appendToFile(p, line + "\n", append: append)
            return
        }
        let ex = PSExceptionObject(.runtimeException, line)
        let record = ErrorRecord(exception: ex, errorId: "NativeCommandError", category: .NotSpecified,
                                 targetObject: .string(line), invocationInfo: invocation)
        try context.route(record, to: routing.error, output: output)
    }
}

extension ExecutionContext {
    /// Splits program output into lines (`\n` or `\r\n`), dropping the final empty line.
    static func splitLines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}

extension NativeCommandProcessor {
    /// pwsh's ApplicationFailedException when the program cannot be started (NativeCommandProcessor
    /// and ParserStrings.ProgramFailedToExecute at v7.6.5): "Program 'name' failed to run: " +
    /// .NET's "An error occurred trying to start process '<path>' with working directory '<dir>'.
    /// <strerror>" + the invocation's position message + "." (NativeCommandFailed,
    /// ResourceUnavailable); the error is reported under the program's file name.
    func startFailure(_ error: Error) -> ErrorRecord {
        // ChildProcess.spawn's failure is strerror's text, as .NET's Win32Exception message.
        let reason = (error as? ChildProcessError)?.description ?? "Unknown error"
        let file = (path as NSString).lastPathComponent
        let start = "An error occurred trying to start process '\(path)' with working directory '\(context.currentLocation)'. \(reason)"
        let message = "Program '\(file)' failed to run: \(start)\(invocation.positionMessage)."
        let ex = PSExceptionObject(.custom(["System.Management.Automation.ApplicationFailedException", "System.Management.Automation.RuntimeException",
                                            "System.SystemException", "System.Exception"]), message)
        ex.innerException = PSExceptionObject(.custom(["System.ComponentModel.Win32Exception", "System.Runtime.InteropServices.ExternalException",
                                                       "System.SystemException", "System.Exception"]), start)
        let info = InvocationInfo(commandName: file, extent: invocation.extent)
        return ErrorRecord(exception: ex, errorId: "NativeCommandFailed", category: .ResourceUnavailable, targetObject: .null, invocationInfo: info)
    }
}

/// A file without execute permission named as a command. pwsh hands it to the desktop's
/// opener when it is alone in its pipeline, and refuses it inside one (ParserStrings'
/// CantActivateDocumentInPipeline, a RuntimeException with category InvalidOperation).
/// NOTE: alone, teamsh reports it as not found: there is no desktop opener to hand it to.
final class DocumentProcessor: CommandProcessor {
    let path: String
    let name: String
    let commandAst: CommandAst

    init(context: ExecutionContext, path: String, name: String, commandAst: CommandAst, output: Pipe) {
        self.path = path
        self.name = name
        self.commandAst = commandAst
        super.init(context: context, output: output)
    }

    override func begin() throws {
        if pipelineLength > 1 {
            let ex = PSExceptionObject(.runtimeException, "Cannot run a document in the middle of a pipeline: \(path).")
            let info = InvocationInfo(commandName: (path as NSString).lastPathComponent, extent: commandAst.extent)
            throw RuntimeError(ErrorRecord(exception: ex, errorId: "CantActivateDocumentInPipeline", category: .InvalidOperation,
                                           targetObject: .string(path), invocationInfo: info))
        }
        let notFound = context.commandNotFound(name)
        notFound.record.invocationInfo = InvocationInfo(commandName: name, extent: commandAst.elements.first?.extent ?? commandAst.extent)
        throw notFound
    }
}
