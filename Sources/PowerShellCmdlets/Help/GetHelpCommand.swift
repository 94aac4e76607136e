import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// `Get-Help [[-Name] <string>] [-Full | -Detailed | -Examples | -Parameter <string[]>]
/// [-Category …] [-Component …] [-Role …] [-Functionality …]` (pwsh's GetHelpCommand and
/// HelpSystem): finds the topics for a name and writes help objects, which the help views print.
/// - One topic: the whole topic; `-Detailed`, `-Full` and `-Examples` put `<type>#DetailedView`
///   (`#FullView`, `#ExamplesView`) in front of each of its type names so those views apply;
///   `-Parameter` writes the parameter objects whose names match (error NoParmsFound when none).
/// - Several topics (a wildcard): one `HelpInfoShort` row each (Name, Category, Module, Synopsis):
///   aliases, then functions and cmdlets (also those of installed modules not imported yet),
///   then `about_` topics, in the order of pwsh's help providers.
/// - None: HelpNotFound (not for a wildcard).
/// - No name: the default topic (pwsh's HelpSystem.GetDefaultHelp).
/// A function's topic comes from its comment-based help, else is generated from its parameters;
/// a compiled command's from the help text it declares, else generated; an alias shows its
/// command's topic; a path shows the script's help; `.FORWARDHELPTARGETNAME` shows another topic;
/// an `about_` topic (AboutTopics) prints its text.
final class GetHelpCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let name = rt.bound.string("Name"), !name.isEmpty else {
            try rt.writeObject(.string(HelpLookup.defaultTopic))
            return
        }
        var topics = try find(name, rt)
        topics = topics.filter { matchesFilters($0, rt.bound) }
        if topics.isEmpty {
            if !WildcardPattern.containsWildcard(name) { try rt.writeError(notFound(name, rt)) }
            return
        }
        // One match that is an about topic prints its text; an alias shows its command's topic.
        if topics.count == 1 {
            if let about = HelpLookup.aboutTopic(of: topics[0]) { return try rt.writeObject(.string(about.text)) }
            if let target = HelpLookup.aliasTarget(of: topics[0]) {
                guard let t = try topic(forCommand: target, rt.context, depth: 1) else { return }
                topics = [t]
            }
        }
        if topics.count > 1 {
            for t in topics {
                if let patterns = rt.bound.strings("Parameter"), parameters(t, patterns).isEmpty { continue }
                try rt.writeObject(.object(shortHelp(t)))
            }
            return
        }
        let topic = topics[0]
        if let patterns = rt.bound.strings("Parameter") {
            let found = parameters(topic, patterns)
            if found.isEmpty {
                try rt.writeError(rt.error("NoParmsFound", "No parameter matches criteria \(patterns.first ?? "").", .InvalidArgument,
                                           target: .object(topic), type: .psArgumentException))
            }
            for p in found { try rt.writeObject(p) }
            return
        }
        var view: String?
        if rt.bound.isOn("Detailed") { view = "DetailedView" }
        if rt.bound.isOn("Full") { view = "FullView" }
        if rt.bound.isOn("Examples") { view = "ExamplesView" }
        try rt.writeObject(.object(view.map { transform(topic, $0) } ?? topic))
    }

    // MARK: Finding topics

    private func find(_ name: String, _ rt: CommandRuntime) throws -> [PSCustomObject] {
        let context = rt.context
        if WildcardPattern.containsWildcard(name) {
            let pattern = WildcardPattern(name)
            var seen = Set<String>()
            var out: [PSCustomObject] = []
            for c in CommandCatalog.all(context).sorted(by: GetCommandCommand.order)
            where pattern.matches(c.name) && seen.insert(c.name.lowercased()).inserted {
                if c.commandType == "Alias" {
                    out.append(HelpLookup.aliasEntry(c))
                } else if let t = try topic(forCommand: c.name, context, depth: 0) {
                    out.append(t)
                }
            }
            return out + AboutTopics.all.filter { pattern.matches($0.name) }.map(HelpLookup.aboutEntry)
        }
        if name.lowercased().hasPrefix("about_") { return AboutTopics.topic(named: name).map { [HelpLookup.aboutEntry($0)] } ?? [] }
        if name.contains("/") || name.lowercased().hasSuffix(".ps1") {
            let path = context.resolvePath(name)
            if FileManager.default.fileExists(atPath: path) { return [try scriptTopic(path, context)].compactMap { $0 } }
        }
        return try topic(forCommand: name, context, depth: 0).map { [$0] } ?? []
    }

    private func topic(forCommand name: String, _ context: ExecutionContext, depth: Int) throws -> PSCustomObject? {
        guard depth < 8 else { return nil }
        let key = name.lowercased()
        if let f = context.currentScope.lookupFunction(key) {
            let subject = HelpSubject(name: f.name, category: f.isFilter ? "Filter" : "Function", declaration: f.declaration,
                                      commonParameters: f.isAdvanced, moduleName: f.moduleName,
                                      parameterAsts: f.scriptBlock.ast.paramBlock?.parameters ?? [], outputTypes: outputTypes(f.scriptBlock.ast))
            let help = f.definition.flatMap { CommentHelpLocator.help(for: $0) } ?? CommentHelpLocator.help(forScriptBlock: f.scriptBlock.ast)
            if let help = help {
                if let target = help.forwardHelpTargetName, target.caseInsensitiveCompare(name) != .orderedSame {
                    return try topic(forCommand: target, context, depth: depth + 1)
                }
                return HelpObjects.maml(subject, help, context: context)
            }
            return HelpObjects.generated(subject, context: context)
        }
        if let alias = context.currentScope.lookupAlias(key) {
            return try topic(forCommand: alias.definition, context, depth: depth + 1)
        }
        // A command of an installed module that is not imported yet has its help too.
        guard let d = context.cmdlets[key]?.declaration ?? HelpLookup.availableCommand(name, context) else { return nil }
        let subject = HelpSubject(name: d.name, category: d.commandType == "Function" ? "Function" : "Cmdlet", declaration: d,
                                  commonParameters: d.supportsCommonParameters, moduleName: d.moduleName, outputTypes: d.outputTypes)
        if let text = d.helpText, let help = CommentHelpInfo(commentText: text) {
            return HelpObjects.maml(subject, help, context: context)
        }
        return HelpObjects.generated(subject, context: context)
    }

    /// A script file's help (category ExternalScript, named by its path).
    private func scriptTopic(_ path: String, _ context: ExecutionContext) throws -> PSCustomObject? {
        guard let data = FileManager.default.contents(atPath: path), let sb = try? ExecutionContext.parseScriptFile(data, path: path) else { return nil }
        let ast = sb.ast
        let (decl, advanced) = try context.buildDeclaration(name: path, ast: ast, extraParameters: nil)
        let subject = HelpSubject(name: path, category: "ExternalScript", declaration: decl, commonParameters: advanced, moduleName: "",
                                  parameterAsts: ast.paramBlock?.parameters ?? [], outputTypes: outputTypes(ast))
        guard let help = CommentHelpLocator.help(forScript: ast) else { return HelpObjects.generated(subject, context: context) }
        return HelpObjects.maml(subject, help, context: context)
    }

    /// `[OutputType([string])]` / `[OutputType('Name')]` type names of a param block.
    private func outputTypes(_ ast: ScriptBlockAst) -> [String] {
        var names: [String] = []
        for attr in ast.paramBlock?.attributes ?? [] where ["outputtype", "outputtypeattribute"].contains(attr.typeName.description.lowercased()) {
            for arg in attr.positionalArguments {
                switch arg {
                case .typeLiteral(let t): names.append(TypeResolver.resolve(t.type)?.fullName ?? t.type.description)
                case .stringConstant(let s): names.append(s.value)
                default: break
                }
            }
        }
        return names
    }

    // MARK: Views and filters

    /// `-Component`, `-Role`, `-Functionality`: the topic's value must match one of the patterns.
    private func matchesFilters(_ topic: PSCustomObject, _ b: BoundParameters) -> Bool {
        for key in ["Component", "Role", "Functionality"] {
            guard let patterns = b.strings(key) else { continue }
            guard case .string(let value)? = topic.get(key), !value.isEmpty else { return false }
            if !patterns.contains(where: { WildcardPattern($0).matches(value) }) { return false }
        }
        return true
    }

    /// pwsh's TransformView: `<name>#<view>` for each type name, in front of the originals.
    private func transform(_ topic: PSCustomObject, _ view: String) -> PSCustomObject {
        let copy = PSCustomObject(topic.pairs)
        copy.extraTypeNames = topic.extraTypeNames.map { $0 + "#" + view } + topic.extraTypeNames
        return copy
    }

    private func shortHelp(_ topic: PSCustomObject) -> PSCustomObject {
        let copy = PSCustomObject(topic.pairs)
        copy.extraTypeNames = ["HelpInfoShort"]
        copy.wrapsObject = true
        return copy
    }

    /// The topic's parameter objects whose names match the patterns.
    private func parameters(_ topic: PSCustomObject, _ patterns: [String]) -> [Value] {
        guard let holder = topic.get("parameters"), case .object(let o) = holder, let list = (o as? PSCustomObject)?.get("parameter") else { return [] }
        let all = Conversion.enumerate(list) ?? [list]
        var out: [Value] = []
        for pattern in patterns {
            let w = WildcardPattern(pattern)
            for p in all {
                guard case .object(let po) = p, let c = po as? PSCustomObject, case .string(let n)? = c.get("name") else { continue }
                if w.matches(n) { out.append(p) }
            }
        }
        return out
    }

    func notFound(_ name: String, _ rt: CommandRuntime) -> ErrorRecord {
        rt.error("HelpNotFound",
                 "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116.",
                 .ResourceUnavailable, target: .string(name), type: .custom(["Microsoft.PowerShell.Commands.HelpNotFoundException", "System.SystemException", "System.Exception"]))
    }
}
