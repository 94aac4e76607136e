/// `#Requires` comments, read as pwsh's tokenizer reads them (GetScriptRequirements and
/// HandleRequiresParameter in tokenizer.cs at v7.6.5): the text after `#` is parsed as a
/// command named `requires` whose parameters are matched by prefix, in this order:
/// RunAsAdministrator (no argument), ShellId, PSSnapin, PSEdition, Version, Assembly, Modules.
/// Arguments must be constants; a version needs a `major.minor` form (`8` means `8.0`); an
/// edition is `Core` or `Desktop`. Anything else is a parse error, so the script does not run.
extension Parser {
    // G requires_comment = '#' 'requires' { parameter_token [ command_argument ] } ;
    func parseRequiresComment(start: Int, end: Int) -> [RequiresDirective] {
        let nested = Parser(source: source, start: start + 1, limit: end)
        guard let command = nested.parseCommand() else { return [] }
        for e in nested.allErrors() { appendError(e) }
        let whole = extent(start, end)
        guard case .argument(.stringConstant(let name))? = command.elements.first, name.value.lowercased() == "requires" else {
            reportError("ScriptRequiresInvalidFormat", extent: command.extent)
            return []
        }
        var state = RequiresState()
        var directives: [RequiresDirective] = []
        var i = 1
        while i < command.elements.count {
            defer { i += 1 }
            guard case .parameter(let p) = command.elements[i] else {
                reportError("ScriptRequiresInvalidFormat", extent: command.elements[i].extent)
                continue
            }
            var argument: CommandElementAst?
            if let a = p.argument {
                argument = .argument(a)
            } else if i + 1 < command.elements.count {
                i += 1
                argument = command.elements[i]
            }
            if let d = requiresParameter(p, argument, &state, whole) { directives.append(d) }
        }
        return directives
    }

    /// What earlier parameters of the comments already set (a repeat is an error).
    struct RequiresState {
        var shellId = false, snapin = false, editions: [String]?, version: [Int]?
    }

    private func requiresParameter(_ p: CommandParameterAst, _ argument: CommandElementAst?, _ state: inout RequiresState,
                                   _ whole: SourceExtent) -> RequiresDirective? {
        let name = p.name.lowercased()
        func matches(_ token: String) -> Bool { token.hasPrefix(name) }
        if matches("runasadministrator") {
            if argument != nil { reportError("ParameterCannotHaveArgument", p.name, extent: p.extent) }
            return RequiresDirective(extent: whole, parameter: "RunAsAdministrator", argument: "")
        }
        guard let argument = argument else {
            reportError("ParameterRequiresArgument", p.name, extent: p.extent)
            return nil
        }
        guard case .argument(let expr) = argument, let value = RequiresConstant(expr) else {
            reportError("RequiresArgumentMustBeConstant", extent: argument.extent)
            return nil
        }
        if matches("shellid") {
            if state.shellId { reportError("ParameterAlreadyBound", "", "shellid", extent: p.extent); return nil }
            guard case .string(let s) = value else {
                reportError("RequiresInvalidStringArgument", "shellid", extent: expr.extent)
                return nil
            }
            state.shellId = true
            return RequiresDirective(extent: whole, parameter: "ShellId", argument: s)
        }
        if matches("pssnapin") {
            guard case .string(let s) = value else {
                reportError("RequiresInvalidStringArgument", "pssnapin", extent: expr.extent)
                return nil
            }
            if state.snapin { reportError("ParameterAlreadyBound", "", "pssnapin", extent: p.extent); return nil }
            state.snapin = true
            return RequiresDirective(extent: whole, parameter: "PSSnapin", argument: s)
        }
        if matches("psedition") {
            if state.editions != nil { reportError("ParameterAlreadyBound", "", "psedition", extent: p.extent); return nil }
            var editions: [String] = []
            for item in value.items {
                guard case .string(let e) = item else {
                    reportError("RequiresInvalidStringArgument", "psedition", extent: expr.extent)
                    continue
                }
                if !["core", "desktop"].contains(e.lowercased()) { reportError("RequiresPSEditionInvalid", "psedition", extent: expr.extent) }
                if editions.contains(where: { $0.lowercased() == e.lowercased() }) {
                    reportError("RequiresPSEditionValueIsAlreadySpecified", "psedition", extent: expr.extent)
                } else {
                    editions.append(e)
                }
            }
            state.editions = editions
            return RequiresDirective(extent: whole, parameter: "PSEdition", argument: editions.joined(separator: ","))
        }
        if matches("version") {
            let text: String
            if case .string(let s) = value { text = s } else { text = expr.extent.text }
            guard let version = RequiresConstant.version(text) else {
                reportError("RequiresVersionInvalid", extent: expr.extent)
                return nil
            }
            if let v = state.version, v != version { reportError("ParameterAlreadyBound", "", "version", extent: p.extent); return nil }
            state.version = version
            return RequiresDirective(extent: whole, parameter: "Version", argument: version.map(String.init).joined(separator: "."))
        }
        if matches("assembly") {
            for item in value.items {
                guard case .string = item else {
                    reportError("RequiresInvalidStringArgument", "assembly", extent: expr.extent)
                    return nil
                }
            }
            return RequiresDirective(extent: whole, parameter: "Assembly", argument: expr.extent.text)
        }
        if matches("modules") {
            return RequiresDirective(extent: whole, parameter: "Modules", argument: expr.extent.text)
        }
        reportError("ScriptRequiresInvalidFormat", extent: p.extent)
        return nil
    }
}

/// A constant `#Requires` argument (pwsh's IsConstantValueVisitor with forRequires: literals,
/// arrays of them and hashtables of them).
enum RequiresConstant {
    case string(String)
    case number(String)
    case array([RequiresConstant])
    case hashtable

    init?(_ e: ExpressionAst) {
        switch e {
        case .stringConstant(let s): self = .string(s.value)
        case .constant(let c): self = .number(c.extent.text)
        case .arrayLiteral(let a):
            var items: [RequiresConstant] = []
            for x in a.elements {
                guard let c = RequiresConstant(x) else { return nil }
                items.append(c)
            }
            self = .array(items)
        case .hashtable(let h):
            for pair in h.pairs {
                guard RequiresConstant(pair.key) != nil else { return nil }
                guard case .pipeline(let pl) = pair.value, pl.elements.count == 1, case .expression(let x) = pl.elements[0],
                      RequiresConstant(x.expression) != nil else { return nil }
            }
            self = .hashtable
        case .paren(let p):
            guard case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let x) = pl.elements[0],
                  let c = RequiresConstant(x.expression) else { return nil }
            self = c
        default: return nil
        }
    }

    /// The value, or each item of an array.
    var items: [RequiresConstant] {
        if case .array(let a) = self { return a }
        return [self]
    }

    /// pwsh's StringToVersion: `major.minor[.build[.revision]]`, a lone major meaning `.0`.
    static func version(_ text: String) -> [Int]? {
        var t = text.trimmingWhitespace()
        if !t.contains(".") { t += ".0" }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count) else { return nil }
        var out: [Int] = []
        for p in parts {
            guard !p.isEmpty, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int32(p) else { return nil }
            out.append(Int(n))
        }
        return out
    }
}
