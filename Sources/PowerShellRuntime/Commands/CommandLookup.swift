import Foundation
import PowerShellSyntax

/// Command lookup: what a command name refers to (alias, function, cmdlet, script file, native
/// program, in pwsh's order), the processor that runs it, and the "is not recognized" error.
extension ExecutionContext {
    func resolveCommand(name: String, arguments: [CommandArgument], dotSource: Bool, commandAst: CommandAst,
                        output: Pipe) throws -> CommandProcessor {
        let invocation = InvocationInfo(commandName: name, extent: commandAst.extent)
        autoloadFailureMessage = nil
        let resolved = cachedLookup(name, at: commandAst)
        if let help = helpRequest(resolved, name: name, arguments: arguments, commandAst: commandAst, output: output) { return help }
        switch resolved {
        case .function(let f):
            invocation.commandName = f.name
            invocation.myCommand = .object(ExecutionContext.commandInfo(of: f))
            return ScriptProcessor(context: self, scriptBlock: f.scriptBlock, function: f, arguments: arguments, dotSource: dotSource,
                                   invocation: invocation, output: output, commandAst: commandAst)
        case .cmdlet(let reg):
            invocation.commandName = reg.declaration.name
            return CmdletProcessor(context: self, registration: reg, arguments: arguments, invocation: invocation, output: output, commandAst: commandAst)
        case .script(let path):
            let sb = try loadScriptFile(path)
            if !sb.ast.requires.isEmpty, let failure = modules?.checkRequires(sb.ast, path: path) {
                throw RuntimeError(failure)
            }
            invocation.commandName = (path as NSString).lastPathComponent
            return ScriptProcessor(context: self, scriptBlock: sb, function: nil, arguments: arguments, dotSource: dotSource,
                                   invocation: invocation, output: output, commandAst: commandAst, isScriptFile: true)
        case .native(let path):
            return NativeCommandProcessor(context: self, path: path, name: name, arguments: arguments, invocation: invocation,
                                          output: output, commandAst: commandAst)
        case .document(let path):
            return DocumentProcessor(context: self, path: path, name: name, commandAst: commandAst, output: output)
        case .notFound:
            if let message = autoloadFailureMessage {
                // pwsh: a module exports the command but could not be imported.
                autoloadFailureMessage = nil
                let record = ErrorRecord(exception: PSExceptionObject(.commandNotFoundException, message), errorId: "CouldNotAutoloadMatchingModule",
                                         category: .ObjectNotFound, targetObject: .string(name))
                throw RuntimeError(record)
            }
            throw commandNotFound(name)
        }
    }

    /// `Command -?` runs `Get-Help Command` instead (pwsh's IsHelpRequested): always for a
    /// cmdlet, for a function or script file only when it has comment-based help.
    private func helpRequest(_ resolved: ResolvedCommand, name: String, arguments: [CommandArgument], commandAst: CommandAst,
                             output: Pipe) -> CommandProcessor? {
        let asked = arguments.contains { arg in
            if case .named(let n, nil, false, _) = arg { return n == "?" }
            return false
        }
        guard asked, let getHelp = cmdlets["get-help"] else { return nil }
        switch resolved {
        case .cmdlet: break
        case .function(let f):
            let help = f.definition.flatMap { CommentHelpLocator.help(for: $0) } ?? CommentHelpLocator.help(forScriptBlock: f.scriptBlock.ast)
            if help == nil { return nil }
        case .script(let path):
            guard let sb = try? loadScriptFile(path), CommentHelpLocator.help(forScript: sb.ast) != nil else { return nil }
        default: return nil
        }
        let invocation = InvocationInfo(commandName: getHelp.declaration.name, extent: commandAst.extent)
        let args: [CommandArgument] = [.named(name: "Name", value: .string(name), hasColon: true, extent: commandAst.extent)]
        return CmdletProcessor(context: self, registration: getHelp, arguments: args, invocation: invocation, output: output, commandAst: commandAst)
    }

    /// The "is not recognized" error; the caller gives it the position of the command's name.
    func commandNotFound(_ name: String) -> RuntimeError {
        let message = "The term '\(name)' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."
        let ex = PSExceptionObject(.commandNotFoundException, message)
        let record = ErrorRecord(exception: ex, errorId: "CommandNotFoundException", category: .ObjectNotFound,
                                 targetObject: .string(name))
        record.categoryActivity = ""
        return RuntimeError(record)
    }

    /// What a command name refers to.
    enum ResolvedCommand {
        case function(FunctionInfo)
        case cmdlet(CmdletRegistration)
        case script(String)
        case native(String)
        /// A file without execute permission (pwsh hands it to the desktop's opener).
        case document(String)
        case notFound
    }

    /// The name of the command an alias finally runs (`AliasInfo.ResolvedCommandName`): the
    /// function's or cmdlet's own spelling, a program's or script's file name; nil for none.
    public func resolvedCommandName(ofAlias alias: AliasInfo) -> String? {
        switch lookupCommand(alias.definition) {
        case .function(let f): return f.name
        case .cmdlet(let c): return c.declaration.name
        case .script(let path), .native(let path), .document(let path): return (path as NSString).lastPathComponent
        case .notFound: return nil
        }
    }

    /// `lookupCommand` for a call site, which keeps what it resolved to while the name, the
    /// scope it runs in and the command tables are the same: a function or cmdlet found once
    /// for them is found again (a script, a program or nothing found depends on files and
    /// `$env:PATH`, so those are looked up every time).
    func cachedLookup(_ name: String, at site: CommandAst) -> ResolvedCommand {
        let scope = currentScope
        let stamp = commandTablesStamp
        if let c = site.cache as? CommandResolution, c.scopeID == scope.id, c.stamp == stamp, c.name == name {
            return c.resolved
        }
        let resolved = lookupCommand(name)
        switch resolved {
        case .function, .cmdlet:
            site.cache = CommandResolution(name: name, scopeID: scope.id, stamp: stamp, resolved: resolved)
        default:
            break
        }
        return resolved
    }

    /// pwsh's order: alias, function, cmdlet, then scripts and programs, then module autoloading.
    func lookupCommand(_ name: String, depth: Int = 0) -> ResolvedCommand {
        let folded = name.lowercased()
        if depth < 10, let alias = currentScope.lookupAlias(folded) {
            return lookupCommand(alias.definition, depth: depth + 1)
        }
        if let f = currentScope.lookupFunction(folded) { return .function(f) }
        if let c = cmdlets[folded] { return .cmdlet(c) }
        if let qualified = cmdletModules[folded], let c = cmdlets[qualified.lowercased()] { return .cmdlet(c) }
        if let slash = folded.firstIndex(of: "\\"), !name.hasPrefix(".") && !name.hasPrefix("/") {
            let bare = String(folded[folded.index(after: slash)...])
            if let f = currentScope.lookupFunction(bare) { return .function(f) }
            if let c = cmdlets[bare] { return .cmdlet(c) }
        }
        if name.contains("/") || name.hasPrefix(".\\") || name.hasPrefix("..\\") || name.hasPrefix("~\\") || hasDriveQualifier(name) {
            // A path names a script, a program or a document; a directory is no command.
            // `.\x.ps1` and `TestDrive:\x.ps1` are paths too (pwsh takes `\` for `/` on Unix).
            let path = resolvePath(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return .notFound }
            if path.hasSuffix(".ps1") { return .script(path) }
            if FileManager.default.isExecutableFile(atPath: path) { return .native(path) }
            return .document(path)
        }
        if name.hasSuffix(".ps1") {
            // A bare script name runs only from PATH, never from the current directory.
            return .notFound
        }
        if let path = findOnPath(name) { return .native(path) }
        // A name without a verb or module that nothing matched is tried as `Get-name`
        // (CommandDiscovery.TryNormalSearch): `location` runs Get-Location.
        if depth < 10, !name.contains("-"), !name.contains("\\") {
            let prefixed = lookupCommand("get-" + name, depth: depth)
            if case .notFound = prefixed {} else { return prefixed }
        }
        // Module autoloading comes last: only a name nothing else resolves imports a module
        // (pwsh's CommandDiscovery tries it after its normal search).
        if depth < 10, modules?.autoload(name) == true { return lookupCommand(name, depth: depth + 10) }
        return .notFound
    }

    /// Whether a command name starts with the drive of a mapped file-system drive
    /// (`TestDrive:\script.ps1`), which makes it a path.
    private func hasDriveQualifier(_ name: String) -> Bool {
        guard !fileSystemDrives.isEmpty, let colon = name.firstIndex(of: ":"), colon != name.startIndex else { return false }
        return fileSystemDrives[name[..<colon].lowercased()] != nil
    }

    /// Finds an executable on `$env:PATH`.
    func findOnPath(_ name: String) -> String? {
        guard let raw = getenv("PATH") else { return nil }
        let path = String(cString: raw)
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/" + name
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}

/// What a call site's command name resolved to, and under which command tables and in which
/// scope (a scope's id is never reused, and its parents never change), so it holds while all
/// of them are the same.
final class CommandResolution {
    let name: String
    let scopeID: UInt64
    let stamp: CommandTablesStamp
    let resolved: ExecutionContext.ResolvedCommand

    init(name: String, scopeID: UInt64, stamp: CommandTablesStamp, resolved: ExecutionContext.ResolvedCommand) {
        self.name = name
        self.scopeID = scopeID
        self.stamp = stamp
        self.resolved = resolved
    }
}

/// What a command name means besides the scope it is looked up from: the session's command
/// table and every scope's functions and aliases. A lookup cached under a stamp (a call site's
/// resolution, a direct call's function) holds while the stamp is the current one.
struct CommandTablesStamp: Equatable {
    let table: Int
    let scopes: UInt64

    /// A stamp no session has: what a cache holds before its first lookup.
    static let never = CommandTablesStamp(table: -1, scopes: 0)
}

extension ExecutionContext {
    @inline(__always)
    var commandTablesStamp: CommandTablesStamp {
        CommandTablesStamp(table: commandTableGeneration, scopes: Scope.commandGeneration)
    }
}
