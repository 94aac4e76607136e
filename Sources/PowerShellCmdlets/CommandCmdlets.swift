import Foundation
import PowerShellRuntime

/// Get-Command, Invoke-Command and Invoke-Expression: finding and running commands.
enum CommandCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Command", GetCommandCommand.self),
        ("Invoke-Command", InvokeCommandCommand.self),
        ("Invoke-Expression", InvokeExpressionCommand.self),
        ("Get-Help", GetHelpCommand.self),
        ("Get-PSCallStack", GetPSCallStackCommand.self),
    ]
}

/// `Get-PSCallStack`: the active calls, innermost first (CallStackFrame objects).
final class GetPSCallStackCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        for frame in rt.context.callStackFrames(at: rt.invocation.extent) { try rt.writeObject(.object(frame)) }
    }
}

/// The commands a session knows, as CommandInfo objects.
enum CommandCatalog {
    /// The order Get-Command lists command types in.
    static func typeRank(_ t: String) -> Int {
        switch t {
        case "Alias": return 0
        case "Function", "Filter": return 1
        case "Cmdlet": return 2
        default: return 3
        }
    }

    static func info(_ f: FunctionInfo) -> CommandInfoObject {
        ExecutionContext.commandInfo(of: f)
    }

    static func info(_ r: CmdletRegistration) -> CommandInfoObject {
        CommandInfoObject(name: r.declaration.name, commandType: r.declaration.commandType, source: r.declaration.moduleName,
                          version: r.declaration.version,
                          definition: syntax(of: r.declaration, isAdvanced: true), declaration: r.declaration)
    }

    /// Every alias, function and cmdlet visible from the current scope, then the commands of
    /// installed modules that are not imported (pwsh's module analysis lists those too).
    static func all(_ context: ExecutionContext, includeAvailable: Bool = true) -> [CommandInfoObject] {
        var out: [CommandInfoObject] = []
        var seenAliases = Set<String>()
        var seenFunctions = Set<String>()
        var s: Scope? = context.currentScope
        while let scope = s {
            for (k, a) in scope.aliases where seenAliases.insert(k).inserted { out.append(aliasInfo(a, context)) }
            for (k, f) in scope.functions where seenFunctions.insert(k).inserted { out.append(info(f)) }
            s = scope.parent
        }
        for r in context.cmdlets.values where seenFunctions.insert(r.declaration.name.lowercased()).inserted { out.append(info(r)) }
        if includeAvailable, let available = context.availableModuleCommands?() {
            for c in available where seenFunctions.insert(c.name.lowercased()).inserted { out.append(c) }
        }
        return out
    }

    /// A native program on PATH, as an ApplicationInfo.
    static func application(_ name: String) -> CommandInfoObject? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name)
                ? CommandInfoObject(name: (name as NSString).lastPathComponent, commandType: "Application", source: name, version: "0.0.0.0",
                                    definition: name, declaration: nil)
                : nil
        }
        guard let raw = getenv("PATH") else { return nil }
        for dir in String(cString: raw).split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/" + name
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return CommandInfoObject(name: name, commandType: "Application", source: candidate, version: "0.0.0.0",
                                         definition: candidate, declaration: nil)
            }
        }
        return nil
    }

    /// The short type name pwsh's syntax shows (`string`, `int`, `string[]`, `Object`).
    static func syntaxTypeName(_ full: String) -> String {
        var base = full
        var suffix = ""
        while base.hasSuffix("[]") {
            base.removeLast(2)
            suffix += "[]"
        }
        let known: [String: String] = [
            "System.String": "string", "System.Int32": "int", "System.Int64": "long", "System.Boolean": "bool", "System.Double": "double",
            "System.Decimal": "decimal", "System.Char": "char", "System.Byte": "byte", "System.Single": "float", "System.Object": "Object",
            "System.Management.Automation.PSObject": "psobject", "System.Management.Automation.ScriptBlock": "scriptblock",
            "System.Collections.Hashtable": "hashtable", "System.DateTime": "datetime", "System.TimeSpan": "timespan",
            "System.Management.Automation.PSCredential": "pscredential", "System.Guid": "guid", "System.Version": "version",
            "System.Text.RegularExpressions.Regex": "regex", "System.Xml.XmlDocument": "xml", "System.UInt32": "uint",
            "System.UInt64": "ulong", "System.Int16": "short", "System.UInt16": "ushort", "System.SByte": "sbyte",
            "System.Collections.IDictionary": "IDictionary", "System.Management.Automation.SwitchParameter": "switch",
        ]
        if let k = known[base] { return k + suffix }
        // Generic types: `Nullable[T]` shows as T; others as `Name[T, …]` with their arguments
        // shortened (`System.Nullable`1[[System.Int64, System.Private.CoreLib, …]]` is `long`).
        if let tick = base.firstIndex(of: "`"), let open = base[tick...].firstIndex(of: "["), base.hasSuffix("]") {
            let inner = base[base.index(after: open)..<base.index(before: base.endIndex)]
            let arguments = genericArguments(String(inner)).map { syntaxTypeName($0) }
            let name = String(base[..<tick])
            if name == "System.Nullable", arguments.count == 1 { return arguments[0] + suffix }
            let short = name.split(separator: ".").last.map(String.init) ?? name
            return short + "[" + arguments.joined(separator: ", ") + "]" + suffix
        }
        if let dot = base.lastIndex(of: ".") { return String(base[base.index(after: dot)...]) + suffix }
        return base + suffix
    }

    /// The type names inside a generic's brackets: `System.Int32` or `[System.Int32, Assembly…]`
    /// items separated by commas at the top level.
    private static func genericArguments(_ text: String) -> [String] {
        var items: [String] = [], depth = 0, current = ""
        for c in text {
            if c == "[" { depth += 1; if depth == 1 { continue } }
            if c == "]" { depth -= 1; if depth == 0 { continue } }
            if c == ",", depth == 0 {
                items.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        items.append(current)
        // An assembly-qualified argument keeps only its type name.
        return items.map { item in
            String(item.split(separator: ",", maxSplits: 1).first ?? Substring(item)).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// `Name [[-P] <type>] [-S] [<CommonParameters>]` for each parameter set (see CommandSyntax).
    static func syntax(of d: CommandDeclaration, isAdvanced: Bool) -> String {
        if let s = d.syntax { return s }
        return CommandSyntax.setNames(d).map { set in
            d.name + " " + CommandSyntax.parameterText(d, in: set, common: isAdvanced || d.supportsCommonParameters)
        }.joined(separator: "\n\n")
    }
}

/// `Get-Command [[-Name] <string[]>] [-Verb …] [-Noun …] [-Module …] [-CommandType …] [-Syntax]
/// [-TotalCount n] [-ListImported]`.
final class GetCommandCommand: Cmdlet {
    /// What the records so far found, output at the end as pwsh's Get-Command does.
    private var result: [CommandInfoObject] = []
    private var sawNames = false

    private func typeAllowed(_ b: BoundParameters) -> (String) -> Bool {
        let types = (b.strings("CommandType") ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        return { t in types.isEmpty || types.contains("all") || types.contains(t.lowercased()) }
    }

    private func commands(_ rt: CommandRuntime) -> [CommandInfoObject] {
        Self.filtered(CommandCatalog.all(rt.context, includeAvailable: !rt.bound.isOn("ListImported")), rt.bound, typeAllowed(rt.bound))
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let names = rt.bound.strings("Name") else { return }
        sawNames = true
        let typeAllowed = typeAllowed(rt.bound)
        var commands = commands(rt)
        for n in names {
            let pattern = WildcardPattern(n)
            let exact = !WildcardPattern.containsWildcard(n)
            var found = commands.filter { pattern.matches($0.name) }
            if exact, !CommandCatalog.all(rt.context, includeAvailable: false).contains(where: { pattern.matches($0.name) }),
               let hook = rt.context.commandNotFoundHook, hook(n) {
                // An exact name imports the module that exports it, as pwsh's Get-Command does.
                commands = self.commands(rt)
                found = commands.filter { pattern.matches($0.name) }
            }
            if exact {
                // A plain name resolves as the command line would: the first match only.
                found = Array(found.sorted { CommandCatalog.typeRank($0.commandType) < CommandCatalog.typeRank($1.commandType) }.prefix(1))
                if found.isEmpty, typeAllowed("Application"), let app = CommandCatalog.application(n) { found = [app] }
                if found.isEmpty {
                    try rt.writeError(rt.error("CommandNotFoundException",
                                               "The term '\(n)' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
                                               .ObjectNotFound, target: .string(n), type: .commandNotFoundException))
                }
            }
            result += found.sorted(by: GetCommandCommand.order)
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        let b = rt.bound
        if !sawNames { result = commands(rt).sorted(by: GetCommandCommand.order) }
        if let n = b.int("TotalCount"), n >= 0 { result = Array(result.prefix(n)) }
        for c in result {
            if b.isOn("Syntax") {
                try rt.writeObject(.string("\n" + syntaxText(c, rt) + "\n"))
            } else {
                try rt.writeObject(.object(c))
            }
        }
    }

    /// The commands that pass -Verb, -Noun, -Module and -CommandType.
    private static func filtered(_ all: [CommandInfoObject], _ b: BoundParameters, _ typeAllowed: (String) -> Bool) -> [CommandInfoObject] {
        var commands = all
        if let verbs = b.strings("Verb") {
            let p = verbs.map { WildcardPattern($0) }
            commands = commands.filter { c in c.commandType != "Alias" && p.contains { $0.matches(c.name.split(separator: "-").first.map(String.init) ?? "") } && c.name.contains("-") }
        }
        if let nouns = b.strings("Noun") {
            let p = nouns.map { WildcardPattern($0) }
            commands = commands.filter { c in
                guard c.commandType != "Alias", let dash = c.name.firstIndex(of: "-") else { return false }
                return p.contains { $0.matches(String(c.name[c.name.index(after: dash)...])) }
            }
        }
        if let modules = b.strings("Module") {
            let p = modules.map { WildcardPattern($0) }
            commands = commands.filter { c in p.contains { $0.matches(c.source) } }
        }
        return commands.filter { typeAllowed($0.commandType) }
    }

    static func order(_ a: CommandInfoObject, _ b: CommandInfoObject) -> Bool {
        let ra = CommandCatalog.typeRank(a.commandType), rb = CommandCatalog.typeRank(b.commandType)
        if ra != rb { return ra < rb }
        return a.name.lowercased() < b.name.lowercased()
    }

    private func syntaxText(_ c: CommandInfoObject, _ rt: CommandRuntime) -> String {
        if c.commandType == "Alias" { return c.definition }
        guard let d = c.declaration else { return c.name }
        let advanced = c.commandType == "Cmdlet" || rt.context.currentScope.lookupFunction(c.name.lowercased())?.isAdvanced == true
        return CommandCatalog.syntax(of: d, isAdvanced: advanced)
    }
}

/// `Invoke-Command [-ScriptBlock] <scriptblock> [-ArgumentList …] [-NoNewScope] [-InputObject …]`
/// (local only).
final class InvokeCommandCommand: Cmdlet {
    private var inputs: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        if rt.currentInput != nil {
            if let v = rt.bound[folded: "inputobject"] { inputs.append(v) }
            return
        }
        try run(rt, input: nil)
    }

    override func end(_ rt: CommandRuntime) throws {
        if rt.expectingInput { try run(rt, input: inputs) }
    }

    private func run(_ rt: CommandRuntime, input: [Value]?) throws {
        guard let v = rt.bound["ScriptBlock"], case .object(let o) = v, let sb = o as? ScriptBlock else {
            if rt.bound.has("ComputerName") || rt.bound.has("Session") {
                try rt.throwTerminating(rt.error("RemotingNotSupported", "Remote commands are not supported by teamsh.", .NotImplemented,
                                                 type: .psNotSupportedException))
            }
            return
        }
        let args = rt.bound.list("ArgumentList") ?? []
        let out = rt.outputPipe()
        if let items = input {
            let saved = rt.context.currentScope.variables["input"]
            rt.context.currentScope.variables["input"] = PSVariable(name: "input", value: .object(PSArray(items)))
            defer { rt.context.currentScope.variables["input"] = saved }
            try rt.context.invokeScriptBlock(sb, args: args, dollarUnder: nil, dotSource: rt.bound.isOn("NoNewScope"), output: out)
            return
        }
        try rt.context.invokeScriptBlock(sb, args: args, dollarUnder: nil, dotSource: rt.bound.isOn("NoNewScope"), output: out)
    }
}

/// `Invoke-Expression [-Command] <string>`: parses and runs text in the caller's scope.
final class InvokeExpressionCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let text = rt.bound.string("Command") else { return }
        let sb: ScriptBlock
        do {
            sb = try rt.context.parseScriptBlock(text)
        } catch let e as RuntimeError {
            e.record.errorIdSuffix = rt.declaration.implementingTypeName
            e.record.invocationInfo = rt.invocation
            throw e
        }
        try rt.context.invokeScriptBlock(sb, args: [], dollarUnder: nil, dotSource: true, output: rt.outputPipe())
    }
}
