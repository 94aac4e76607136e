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
        if let h = context.host as? StandardHost { h.flush() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = argv()
        process.currentDirectoryURL = URL(fileURLWithPath: context.currentLocation)
        let stdoutPipe = Foundation.Pipe()
        process.standardOutput = stdoutPipe
        var stderrPipe: Foundation.Pipe?
        switch context.finalTarget(routing.error) {
        case .host:
            process.standardError = FileHandle.standardError
        case .discard:
            process.standardError = FileHandle.nullDevice
        default:
            let p = Foundation.Pipe()
            stderrPipe = p
            process.standardError = p
        }
        var stdinPipe: Foundation.Pipe?
        if expectingInput {
            let p = Foundation.Pipe()
            stdinPipe = p
            process.standardInput = p
        } else if !context.host.isInteractive {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            throw RuntimeError(startFailure(error))
        }
        if let p = stdinPipe {
            let text = input.map { Conversion.toString($0, hooks: context.hooks) + "\n" }.joined()
            let handle = p.fileHandleForWriting
            DispatchQueue.global().async {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        let errBox = DataBox()
        let group = DispatchGroup()
        if let ep = stderrPipe {
            group.enter()
            DispatchQueue.global().async {
                errBox.data = ep.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let outData = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        let code = process.terminationStatus
        try context.setLastExitCode(code)
        if !errData.isEmpty {
            for line in ExecutionContext.splitLines(String(decoding: errData, as: UTF8.self)) {
                let ex = PSExceptionObject(.runtimeException, line)
                let record = ErrorRecord(exception: ex, errorId: "NativeCommandError", category: .NotSpecified,
                                         targetObject: .string(line), invocationInfo: invocation)
                record.isNativeError = true
                if case .file(let p, let append) = routing.error {
                    context.appendToFile(p, line + "\n", append: append)
                } else {
                    try context.route(record, to: routing.error, output: output)
                }
            }
        }
        for line in ExecutionContext.splitLines(String(decoding: outData, as: UTF8.self)) {
            try output.write(.string(line))
        }
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

/// Holds what a background reader collected (read only after the reader finished).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

extension NativeCommandProcessor {
    /// pwsh's ApplicationFailedException when the program cannot be started (NativeCommandProcessor
    /// and ParserStrings.ProgramFailedToExecute at v7.6.5): "Program 'name' failed to run: " +
    /// .NET's "An error occurred trying to start process '<path>' with working directory '<dir>'.
    /// <strerror>" + the invocation's position message + "." (NativeCommandFailed,
    /// ResourceUnavailable); the error is reported under the program's file name.
    func startFailure(_ error: Error) -> ErrorRecord {
        var reason = "Unknown error"
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if (error as NSError).domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32((error as NSError).code)))
        }
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
