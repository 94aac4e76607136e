import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// `Invoke-Pester [[-Script] <object[]>] [[-TestName] <string[]>] [-EnableExit] [-Tag] [-ExcludeTag]
/// [-PassThru] [-Strict] [-Show <OutputTypes>] [-Quiet]` as Pester 4.10.1 has it: each test file
/// runs as a script (`& $path`) in order, its Describe blocks running as they are reached; an
/// error outside any Describe is recorded as "Error occurred in test script '…'". Then the
/// summary, and with -PassThru the counts and every result.
final class Pester4InvokeCommand: Cmdlet {
    /// One file to run: its path as given (or found), and the arguments for its `param()`.
    struct TestScript {
        let path: String
        let arguments: [Value]
        let parameters: PSHashtable?
    }

    override func end(_ rt: CommandRuntime) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        var show = Pester4State.Show.all
        if rt.bound.has("Quiet") {
            try rt.writeWarning("The -Quiet parameter has been deprecated; please use the new -Show parameter instead. To get no output use -Show None.")
            if !rt.bound.has("Show") { show = [] }
        }
        if let v = rt.bound["Show"] {
            guard let parsed = Pester4State.Show.parse(v) else {
                let message = "Cannot process argument transformation on parameter 'Show'. Cannot convert value \"\(Conversion.toString(v))\" to type \"Pester.OutputTypes\". Error: \"Unable to match the identifier name \(Conversion.toString(v)) to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, Default, Passed, Failed, Pending, Skipped, Inconclusive, Describe, Context, Summary, Header, All, Fails\""
                throw RuntimeError(rt.makeError(.parameterBindingArgumentTransformationException, message,
                                                errorId: "ParameterArgumentTransformationError", category: .InvalidData))
            }
            show = parsed
        }
        let state = Pester4State(viaInvokePester: true, show: show, strict: rt.bound.isOn("Strict"),
                                 testNameFilter: rt.bound.strings("TestName") ?? [], tagFilter: rt.bound.strings("Tag") ?? [],
                                 excludeTagFilter: rt.bound.strings("ExcludeTag") ?? [],
                                 write: { text in try? rt.writeHost(text, noNewline: false) })
        let saved = session.v4
        session.v4 = state
        defer { session.v4 = saved }
        let given = rt.bound.list("Script") ?? [.string(".")]
        state.writeStart(paths: given.map { v in
            if let h = v.hashtable { return Conversion.toString(h.get("Path") ?? h.get("p") ?? .null) }
            return Conversion.toString(v, hooks: context.hooks)
        })
        for script in try resolve(given, rt) {
            state.enterGroup(script.path, hint: "Script")
            state.writeGroup(script.path, commandUsed: "Script")
            do {
                let extent = rt.invocation.extent ?? SourceExtent.empty(SourceText(text: ""))
                var arguments: [CommandArgument] = []
                if let p = script.parameters { arguments += ExecutionContext.splattedArguments(p, extent: extent) }
                arguments += script.arguments.map { .positional($0, extent: extent) }
                try context.runAsInsideTry {
                    try context.runAsLoopBody {
                        try context.invokeScriptFile(script.path, arguments: arguments, output: Pipe({ _ in }))
                    }
                }
            } catch let e as RuntimeError {
                let record = e.record
                let first = record.scriptStackTrace.components(separatedBy: "\n").first ?? ""
                let result = state.addResult(name: "Error occurred in test script '\(script.path)'", outcome: .failed,
                                             failureMessage: record.exception.message, stackTrace: first, errorRecord: record)
                result.set("Describe", .string("Error in \(script.path)"))
                state.writeResult(result)
            }
            session.mocks.leaveGroup4(state.currentGroup, context: context)
            state.leaveGroup()
        }
        state.writeReport()
        if rt.bound.isOn("PassThru") { try rt.writeObject(.object(state.passThruObject())) }
        if rt.bound.isOn("EnableExit") { throw ExitSignal(code: Int32(clamping: state.failedCount)) }
    }

    /// ResolveTestScripts: a file path as given; a folder or wildcard → every `*.Tests.ps1`
    /// under it (full paths); a hashtable with Path, Parameters and Arguments.
    private func resolve(_ given: [Value], _ rt: CommandRuntime) throws -> [TestScript] {
        var scripts: [TestScript] = []
        let fm = FileManager.default
        for item in given {
            var path: String
            var arguments: [Value] = []
            var parameters: PSHashtable?
            if let h = item.hashtable {
                func first(_ keys: [String]) -> Value? { keys.lazy.compactMap { h.get($0) }.first }
                guard case .string(let p)? = first(["Path", "p"]), p.contains(where: { !$0.isWhitespace }) else {
                    let message = "When passing hashtables to the -Path parameter, the Path key is mandatory, and must contain a single string."
                    throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
                }
                path = p
                if let a = first(["Arguments", "args", "a"]) { arguments = a.array?.items ?? [a] }
                if let p = first(["Parameters", "params"]) {
                    guard let ph = p.hashtable else {
                        let message = "When passing hashtables to the -Path parameter, the Parameters key (if present) must be assigned an IDictionary object."
                        throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
                    }
                    parameters = ph
                }
            } else {
                path = Conversion.toString(item, hooks: rt.context.hooks)
            }
            guard !path.isEmpty else { continue }
            let full = rt.context.resolvePath(path.replacingOccurrences(of: "\\", with: "/"))
            var isDirectory: ObjCBool = false
            let hasWildcard = path.contains { "*?[]".contains($0) }
            if !hasWildcard, fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                if (full as NSString).pathExtension.lowercased() != "ps1" {
                    try rt.writeError(rt.makeError(.exception, "Script path '\(path)' is not a ps1 file.", errorId: "Microsoft.PowerShell.Commands.WriteErrorException",
                                                   category: .NotSpecified))
                } else {
                    scripts.append(TestScript(path: path, arguments: arguments, parameters: parameters))
                }
                continue
            }
            var roots: [String] = []
            if hasWildcard {
                let dir = (full as NSString).deletingLastPathComponent
                let pattern = WildcardPattern((full as NSString).lastPathComponent)
                roots = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { pattern.matches($0) }.sorted().map { dir + "/" + $0 }
            } else if fm.fileExists(atPath: full) {
                roots = [full]
            } else {
                try rt.writeError(rt.makeError(.itemNotFoundException, "Cannot find path '\(full)' because it does not exist.",
                                               errorId: "PathNotFound", category: .ObjectNotFound, target: .string(full)))
            }
            var found: [String] = []
            for root in roots {
                if fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                    for case let rel as String in fm.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator() where rel.lowercased().hasSuffix(".tests.ps1") {
                        found.append(ExecutionContext.normalize(root + "/" + rel))
                    }
                } else if root.lowercased().hasSuffix(".tests.ps1") {
                    found.append(root)
                }
            }
            var seen = Set<String>()
            for f in found.sorted() where seen.insert(f).inserted {
                scripts.append(TestScript(path: f, arguments: arguments, parameters: parameters))
            }
        }
        return scripts
    }
}
