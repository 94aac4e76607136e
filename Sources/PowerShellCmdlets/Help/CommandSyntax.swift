import PowerShellRuntime

/// A command's parameter sets as pwsh shows them in syntax (Get-Command -Syntax, a function's
/// `Definition`, generated help): one line per set, in the order the sets were first declared,
/// each listing (pwsh's CommandParameterSetInfo.GenerateParametersInDisplayOrder) the
/// positional parameters by position, then the mandatory named ones, then the other named
/// ones, each group in the command's parameter order, `-WhatIf`/`-Confirm` last, and
/// `[<CommonParameters>]` when the command takes the common parameters.
enum CommandSyntax {
    /// The set names to show: the declared sets, or the one set holding every parameter.
    static func setNames(_ d: CommandDeclaration) -> [String] {
        let names = d.parameterSetNames
        if names.isEmpty { return [d.defaultParameterSet ?? ParameterSetMembership.allSets] }
        return names
    }

    /// How a parameter takes part in a set (its own entry, else its all-sets entry).
    static func membership(_ p: ParameterDeclaration, in set: String) -> ParameterSetMembership? {
        p.sets.first { $0.setName.caseInsensitiveCompare(set) == .orderedSame }
            ?? p.sets.first { $0.setName == ParameterSetMembership.allSets }
    }

    /// The parameters of a set in the command's parameter order (pwsh's metadata order: the
    /// declared parameters, then `-WhatIf` and `-Confirm`).
    static func parameters(_ d: CommandDeclaration, in set: String) -> [(ParameterDeclaration, ParameterSetMembership)] {
        let members = allParameters(d).compactMap { p in membership(p, in: set).map { (p, $0) } }
        guard let rank = recordedRank(d, members.map { $0.0.name.lowercased() }) else { return members }
        return members.enumerated().sorted { a, b in
            let ra = rank[a.element.0.name.lowercased()] ?? Int.max, rb = rank[b.element.0.name.lowercased()] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map { $0.element }
    }

    /// The declared parameters, then `-WhatIf` and `-Confirm` when the command supports
    /// ShouldProcess (pwsh adds them after the common parameters).
    static func allParameters(_ d: CommandDeclaration) -> [ParameterDeclaration] {
        var all = d.parameters
        if d.supportsShouldProcess && !all.contains(where: { $0.name.lowercased() == "whatif" }) {
            all += CommandDeclaration.shouldProcessParameters
        }
        return all
    }

    /// The set's parameters in display order.
    static func displayOrder(_ d: CommandDeclaration, in set: String) -> [(ParameterDeclaration, ParameterSetMembership)] {
        var positional: [(Int, (ParameterDeclaration, ParameterSetMembership))] = []
        var mandatory: [(ParameterDeclaration, ParameterSetMembership)] = []
        var named: [(ParameterDeclaration, ParameterSetMembership)] = []
        for (p, m) in parameters(d, in: set) {
            if let pos = m.position {
                positional.append((pos, (p, m)))
            } else if m.mandatory {
                mandatory.append((p, m))
            } else {
                named.append((p, m))
            }
        }
        // Positions need not be consecutive; a later parameter at a taken position wins it.
        var byPosition: [Int: (ParameterDeclaration, ParameterSetMembership)] = [:]
        for (pos, entry) in positional { byPosition[pos] = entry }
        return byPosition.keys.sorted().compactMap { byPosition[$0] } + mandatory + named
    }

    /// One set's syntax text after the command name (pwsh's CommandParameterSetInfo.ToString).
    static func parameterText(_ d: CommandDeclaration, in set: String, common: Bool) -> String {
        var parts: [String] = []
        for (p, m) in displayOrder(d, in: set) {
            if p.isSwitch {
                parts.append(m.mandatory ? "-\(p.name)" : "[-\(p.name)]")
                continue
            }
            let type = CommandCatalog.syntaxTypeName(p.typeName)
            switch (m.mandatory, m.position != nil) {
            case (true, true): parts.append("[-\(p.name)] <\(type)>")
            case (true, false): parts.append("-\(p.name) <\(type)>")
            case (false, true): parts.append("[[-\(p.name)] <\(type)>]")
            case (false, false): parts.append("[-\(p.name) <\(type)>]")
            }
        }
        if common { parts.append("[<CommonParameters>]") }
        return parts.joined(separator: " ")
    }

    /// For a compiled command whose pwsh syntax text is recorded, each parameter's place in the
    /// recorded line listing exactly these parameters (the declaration keeps them sorted by
    /// name, pwsh's metadata does not); nil when none does.
    private static func recordedRank(_ d: CommandDeclaration, _ names: [String]) -> [String: Int]? {
        guard let syntax = d.syntax else { return nil }
        let wanted = Set(names.filter { $0 != "whatif" && $0 != "confirm" })
        for line in syntax.components(separatedBy: "\n\n") {
            let order: [String] = line.split(separator: " ").compactMap { token in
                let t = token.drop { $0 == "[" }
                guard t.hasPrefix("-") else { return nil }
                return String(t.dropFirst().prefix { $0 != "]" }).lowercased()
            }
            if Set(order.filter { $0 != "whatif" && $0 != "confirm" }) == wanted {
                return Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            }
        }
        return nil
    }
}
