import Foundation
import PowerShellRuntime
import PowerShellSyntax

func scriptBlock(_ v: Value?) -> ScriptBlock? {
    if let v, case .object(let o) = v { return o as? ScriptBlock }
    return nil
}

/// `Describe` / `Context [-Name] <string> [[-Fixture] <scriptblock>] [-Tag <string[]>] [-Skip] [-ForEach <object[]>]`
class BlockCommand: Cmdlet {
    var commandUsed: String { "Describe" }

    override func process(_ rt: CommandRuntime) throws {
        let session = PesterSession.of(rt.context)
        let name = rt.bound.string("Name") ?? ""
        guard let body = scriptBlock(rt.bound["Fixture"]) else {
            try rt.throwTerminating(rt.makeError(.argumentException, "No script block is provided. (Have you put the open curly brace on the next line?)",
                                                 errorId: "ArgumentException", category: .InvalidArgument))
        }
        switch session.phase {
        case .discovery:
            try session.discoverBlock(name: name, commandUsed: commandUsed, body: body, data: rt.bound.list("ForEach"),
                                      tags: rt.bound.strings("Tag") ?? [], skip: rt.bound.isOn("Skip"))
        case .idle:
            try PesterRunCommand.runStandalone(rt, body: body)
        case .run:
            try rt.throwTerminating(rt.makeError(.invalidOperationException, "\(commandUsed) cannot run inside a test.",
                                                 errorId: "InvalidOperation", category: .InvalidOperation))
        }
    }
}

final class DescribeCommand: BlockCommand {}

final class ContextCommand: BlockCommand {
    override var commandUsed: String { "Context" }
}

/// `It [-Name] <string> [[-Test] <scriptblock>] [-ForEach|-TestCases <object[]>] [-Tag <string[]>] [-Skip]`
final class ItCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let session = PesterSession.of(rt.context)
        guard session.phase == .discovery else {
            try rt.throwTerminating(rt.makeError(.invalidOperationException, "It must be called inside Describe or Context.",
                                                 errorId: "InvalidOperation", category: .InvalidOperation))
        }
        session.discoverTest(name: rt.bound.string("Name") ?? "", body: scriptBlock(rt.bound["Test"]), data: rt.bound.list("ForEach"),
                             tags: rt.bound.strings("Tag") ?? [], skip: rt.bound.isOn("Skip") || rt.bound.isOn("Pending"),
                             line: rt.invocation.extent?.startLine ?? 0)
    }
}

/// BeforeAll, AfterAll, BeforeEach, AfterEach: store the block on the block being discovered.
final class SetupCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let session = PesterSession.of(rt.context)
        guard let sb = scriptBlock(rt.bound["Scriptblock"]) else { return }
        guard session.phase == .discovery, let block = session.discoveryBlock else { return }
        switch rt.declaration.name {
        case "BeforeAll": block.beforeAll.append(sb)
        case "AfterAll": block.afterAll.append(sb)
        case "BeforeEach": block.beforeEach.append(sb)
        default: block.afterEach.append(sb)
        }
    }
}

/// `BeforeDiscovery { … }`: runs at once (during discovery).
final class BeforeDiscoveryCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let sb = scriptBlock(rt.bound["Scriptblock"]) else { return }
        _ = try rt.context.invokeScriptBlock(sb, args: [], dollarUnder: nil, dotSource: true)
    }
}

/// `Set-ItResult -Inconclusive|-Pending|-Skipped [-Because <string>]`
final class SetItResultCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let (id, text): (String, String)
        if rt.bound.isOn("Inconclusive") {
            (id, text) = ("PesterTestInconclusive", "is inconclusive")
        } else if rt.bound.isOn("Pending") {
            (id, text) = ("PesterTestPending", "is pending")
        } else {
            (id, text) = ("PesterTestSkipped", "is skipped")
        }
        var message = text
        let b = PesterFormat.because(rt.bound.string("Because"))
        if !b.isEmpty { message += "," + b.dropLast() }
        let record = ShouldAssertion.errorRecord(message, rt: rt)
        record.errorId = id
        throw RuntimeError(record)
    }
}

/// `InModuleScope [-ModuleName] <string> [-ScriptBlock] <scriptblock> [-Parameters <hashtable>] [-ArgumentList <object[]>]`
final class InModuleScopeCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let sb = scriptBlock(rt.bound["ScriptBlock"]) else { return }
        // The block runs as the module's own code does: under the module's scope, so it sees
        // the module's private functions and variables.
        let module = try PesterMockCommands.module(rt.bound.string("ModuleName") ?? "", rt.context)
        let scope = Scope(parent: module.scope)
        if let h = rt.bound["Parameters"]?.hashtable {
            for (k, v) in zip(h.keys, h.values) {
                let n = Conversion.toString(k)
                scope.variables[n.lowercased()] = PSVariable(name: n, value: v)
            }
        }
        for v in try PesterSession.of(rt.context).run(sb, in: scope, args: rt.bound.list("ArgumentList") ?? []) { try rt.writeObject(v) }
    }
}

/// `New-PesterConfiguration [[-Hashtable] <IDictionary>]`
final class NewPesterConfigurationCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let c = PesterConfiguration()
        if let h = rt.bound["Hashtable"] { c.merge(h) }
        try rt.writeObject(.object(c))
    }
}

/// `Invoke-Pester [[-Path] <string[]>] [-ExcludePath] [-TagFilter] [-ExcludeTagFilter] [-FullNameFilter] [-CI] [-Output] [-PassThru]`
/// or `Invoke-Pester -Configuration <PesterConfiguration>`.
final class InvokePesterCommand: Cmdlet {
    override func end(_ rt: CommandRuntime) throws {
        let config = PesterConfiguration()
        if let c = rt.bound["Configuration"] {
            config.merge(c)
        } else {
            let b = rt.bound
            if let p = b["Path"] { config.set("Run", "Path", p) }
            if let p = b["ExcludePath"] { config.set("Run", "ExcludePath", p) }
            if let p = b["TagFilter"] { config.set("Filter", "Tag", p) }
            if let p = b["ExcludeTagFilter"] { config.set("Filter", "ExcludeTag", p) }
            if let p = b["FullNameFilter"] { config.set("Filter", "FullName", p) }
            if b.isOn("CI") {
                config.set("Run", "Exit", .bool(true))
                config.set("TestResult", "Enabled", .bool(true))
            }
            if let p = b["Output"] { config.set("Output", "Verbosity", p) }
            if b.has("PassThru") { config.set("Run", "PassThru", .bool(b.isOn("PassThru"))) }
        }
        try PesterRunCommand.invoke(rt, config: config, containers: nil)
    }
}

enum PesterRunCommand {
    /// The test files a Run.Path names: files as they are, folders searched for *.Tests.ps1.
    static func findFiles(_ rt: CommandRuntime, _ config: PesterConfiguration) -> [String] {
        let ext = config.string("Run", "TestExtension").lowercased()
        let excluded = Set(config.strings("Run", "ExcludePath").map { rt.context.resolvePath($0) })
        var files: [String] = []
        let fm = FileManager.default
        for p in config.strings("Run", "Path") {
            let full = rt.context.resolvePath(p)
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDir) {
                if isDir.boolValue {
                    var found: [String] = []
                    if let e = fm.enumerator(atPath: full) {
                        for case let rel as String in e where rel.lowercased().hasSuffix(ext) {
                            found.append(ExecutionContext.normalize(full + "/" + rel))
                        }
                    }
                    files += found.sorted()
                } else if full.lowercased().hasSuffix(".ps1") {
                    files.append(full)
                }
            } else if p.contains("*") || p.contains("?") {
                let dir = (full as NSString).deletingLastPathComponent
                let pattern = WildcardPattern((full as NSString).lastPathComponent)
                let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { pattern.matches($0) }.sorted()
                files += names.map { dir + "/" + $0 }.filter { $0.lowercased().hasSuffix(ext) }
            }
        }
        var seen = Set<String>()
        return files.filter { !excluded.contains($0) && seen.insert($0).inserted }
    }

    /// `Describe` run outside Invoke-Pester (a .Tests.ps1 file run directly): the block runs as
    /// its own container, with Pester's output.
    static func runStandalone(_ rt: CommandRuntime, body: ScriptBlock) throws {
        // Re-enter as a discovered container holding just this Describe call.
        guard let x = rt.invocation.extent else { return }
        let sb = try rt.context.parseScriptBlock(x.text)
        let config = PesterConfiguration()
        try invoke(rt, config: config, containers: [(x.file ?? "", sb)])
    }

    static func invoke(_ rt: CommandRuntime, config: PesterConfiguration, containers given: [(String, ScriptBlock)]?) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        var verbosity = config.string("Output", "Verbosity")
        if verbosity.caseInsensitiveCompare("Minimal") == .orderedSame { verbosity = "Normal" }
        let quiet = verbosity.caseInsensitiveCompare("None") == .orderedSame
        let detailed = ["detailed", "diagnostic"].contains(verbosity.lowercased())
        let output = quiet ? nil : PesterOutput(verbosity: detailed ? .detailed : .normal, write: { text in try? rt.writeHost(text, noNewline: false) })
        let savedOutput = session.output, savedConfig = session.configuration
        session.output = output
        session.configuration = config
        defer {
            session.output = savedOutput
            session.configuration = savedConfig
        }
        let run = PesterRun()
        run.configuration = config
        let start = PesterSession.now()
        output?.start()
        var sources: [(String, ScriptBlock?, ErrorRecord?)] = []
        if let given {
            sources = given.map { ($0.0, $0.1, nil) }
        } else {
            for file in findFiles(rt, config) {
                do {
                    sources.append((file, try loadFile(file), nil))
                } catch let e as RuntimeError {
                    sources.append((file, nil, e.record))
                }
            }
        }
        if sources.isEmpty {
            let message = "No test files were found and no scriptblocks were provided. Please ensure that you provided at least one path to a *\(config.string("Run", "TestExtension")) file, or a directory that contains such file. Or that you provided a ScriptBlock test container."
            output?.write(message)
            return
        }
        output?.discoveryStart(sources.count)
        for (file, sb, error) in sources {
            let root = PesterBlock(name: "Root", commandUsed: "", scriptBlock: sb, data: nil, tags: [], skip: false, parent: nil)
            let container = PesterContainer(type: given == nil ? "File" : "ScriptBlock", item: file, root: root)
            root.container = container
            if let error { container.errorRecords.append(error) }
            if let sb { session.discover(container, scriptBlock: sb) }
            run.containers.append(container)
            output?.containerDiscoveryEnd(container)
        }
        var filters: [(String, [String])] = []
        for name in ["Tag", "ExcludeTag", "Line", "ExcludeLine", "FullName"] {
            let values = config.strings("Filter", name)
            if !values.isEmpty { filters.append((name, values)) }
        }
        for c in run.containers { session.applyFilters(c.root, config) }
        run.discoveryDuration = PesterSession.now() - start
        let all = run.tests
        output?.discoveryEnd(found: all.count, duration: run.discoveryDuration, filters: filters, toRun: all.filter { $0.shouldRun }.count)
        if config.bool("Run", "SkipRun") {
            output?.write("\nTest run was skipped.")
        } else {
            output?.runStart()
            for c in run.containers where c.errorRecords.isEmpty {
                session.runContainer(c)
                output?.containerRunEnd(c)
            }
            for c in run.containers where !c.errorRecords.isEmpty { c.result = .failed }
        }
        run.duration = PesterSession.now() - start
        output?.report(run)
        if config.bool("TestResult", "Enabled") {
            PesterTestResults.write(run, config: config, context: context)
        }
        let failed = run.failedTotal
        context.lastExitCode = Int32(failed)
        if config.bool("Run", "PassThru") { try rt.writeObject(.object(run)) }
        if config.bool("Run", "Throw") && failed > 0 {
            var parts: [String] = []
            if run.failedCount > 0 { parts.append("\(run.failedCount) test\(run.failedCount > 1 ? "s" : "") failed") }
            if !run.failedBlocks.isEmpty { parts.append("\(run.failedBlocks.count) block\(run.failedBlocks.count > 1 ? "s" : "") failed") }
            if !run.failedContainers.isEmpty { parts.append("\(run.failedContainers.count) container\(run.failedContainers.count > 1 ? "s" : "") failed") }
            let text = parts.count < 2 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
            let record = ErrorRecord(exception: PSExceptionObject(.runtimeException, "Pester run failed, because \(text)"), errorId: "Pester run failed, because \(text)",
                                     category: .OperationStopped, invocationInfo: rt.invocation)
            record.terminatesScript = true
            throw RuntimeError(record)
        }
        if config.bool("Run", "Exit") && failed > 0 {
            throw ExitSignal(code: Int32(failed))
        }
    }

    static func loadFile(_ path: String) throws -> ScriptBlock {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeError(.itemNotFoundException, "Cannot find path '\(path)' because it does not exist.", errorId: "PathNotFound", category: .ObjectNotFound)
        }
        return try ExecutionContext.parseScriptFile(data, path: path)
    }
}
