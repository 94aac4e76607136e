/// The checks pwsh makes on class definitions once a script is parsed (SemanticChecks.cs,
/// SymbolResolver.cs and the return analysis of VariableAnalysis.cs): what a method body may
/// contain, how `return` fits the method's return type, and names defined twice.
extension Parser {
    /// Checks every class and enum defined in the script, its functions and nested blocks.
    func checkTypeDefinitions(_ block: ScriptBlockAst) {
        for named in [block.beginBlock, block.processBlock, block.endBlock, block.cleanBlock].compactMap({ $0 }) {
            checkTypeDefinitions(in: named.statements)
        }
    }

    private func checkTypeDefinitions(in statements: [StatementAst]) {
        var defined = Set<String>()
        for statement in statements {
            switch statement {
            case .typeDefinition(let t):
                // Two types of one name in the same block: the second is reported
                // (MemberAlreadyDefined, over the whole definition).
                if !defined.insert(t.name.lowercased()).inserted {
                    addSemanticError("MemberAlreadyDefined", [t.name], t.extent)
                }
                if !t.isEnum { checkClass(t) }
            case .functionDefinition(let f): checkTypeDefinitions(f.body)
            default: forEachNestedBlock(statement) { checkTypeDefinitions(in: $0) }
            }
        }
    }

    private func addSemanticError(_ id: String, _ args: [String], _ extent: SourceExtent) {
        semanticErrors.append(ParseError(id: id, message: ParserMessages.format(id, args), extent: extent))
    }

    private func checkClass(_ type: TypeDefinitionAst) {
        var properties: [String: PropertyMemberAst] = [:]
        for case .property(let p) in type.members { properties[p.name.lowercased()] = p }
        for case .method(let m) in type.members {
            let body = m.body
            if let p = body.paramBlock { addSemanticError("ParamBlockNotAllowedInMethod", [], p.extent) }
            let named = [body.dynamicParamBlock, body.beginBlock, body.processBlock, body.cleanBlock].compactMap { $0 }
                + (body.endBlock.map { $0.unnamed ? [] : [$0] } ?? [])
            if let first = named.min(by: { $0.extent.start < $1.extent.start }) {
                addSemanticError("NamedBlockNotAllowedInMethod", [], first.extent)
            }
            let statements = body.endBlock?.statements ?? []
            let void = Self.isVoid(m.returnType)
            forEachMethodStatement(statements) { statement in
                switch statement {
                case .flow(let f) where f.kind == .returnFlow:
                    if f.operand != nil && void { addSemanticError("VoidMethodHasReturn", [], f.extent) }
                    if f.operand == nil && !void { addSemanticError("NonVoidMethodMissingReturnValue", [], f.extent) }
                case .assignment(let a):
                    checkPropertyAssignment(a.left, properties, type.name)
                default:
                    break
                }
            }
            checkLabels(statements, loops: [])
            if !void && !Self.alwaysLeaves(statements) {
                addSemanticError("MethodHasCodePathNotReturn", [], m.nameExtent ?? m.extent)
            }
        }
    }

    /// `break label` / `continue label` in a method must name a loop around it inside the method
    /// (LabelNotFound; SemanticChecks.CheckLabelExists): nothing outside a method is reachable.
    private func checkLabels(_ statements: [StatementAst], loops: [String]) {
        for s in statements {
            var label: String??
            switch s {
            case .flow(let f) where f.kind == .breakFlow || f.kind == .continueFlow:
                if let l = f.label, !l.isEmpty, !loops.contains(where: { $0.caseInsensitiveCompare(l) == .orderedSame }) {
                    addSemanticError("LabelNotFound", [l], f.extent)
                }
            case .foreachStatement(let f): label = .some(f.label)
            case .forStatement(let f): label = .some(f.label)
            case .whileStatement(let w): label = .some(w.label)
            case .doLoop(let d): label = .some(d.label)
            default: break
            }
            let inner = label.map { loops + [$0 ?? ""] } ?? loops
            forEachNestedBlock(s) { checkLabels($0, loops: inner) }
        }
    }

    /// `$Prop = …` in a method, where Prop is a property of the class, assigns a local variable;
    /// pwsh refuses it (MissingThis, or MissingTypeInStaticPropertyAssignment for a static one).
    private func checkPropertyAssignment(_ left: ExpressionAst, _ properties: [String: PropertyMemberAst], _ className: String) {
        var target = left
        while case .convert(let c) = target { target = c.child }
        guard case .variable(let v) = target, v.scope == nil, let p = properties[v.name.lowercased()] else { return }
        if p.isStatic {
            addSemanticError("MissingTypeInStaticPropertyAssignment", ["[\(className)]::", p.name], v.extent)
        } else {
            addSemanticError("MissingThis", ["$this.", p.name], v.extent)
        }
    }

    private static func isVoid(_ type: TypeName?) -> Bool {
        guard let type else { return true }
        if case .simple(let n) = type { return n.lowercased() == "void" || n.lowercased() == "system.void" }
        return false
    }

    /// Calls `body` on each statement of a method, nested statement blocks included, but not on
    /// those of script blocks or functions defined inside it (they are not the method's).
    private func forEachMethodStatement(_ statements: [StatementAst], _ body: (StatementAst) -> Void) {
        for s in statements {
            body(s)
            forEachNestedBlock(s) { forEachMethodStatement($0, body) }
        }
    }

    /// The statement lists directly inside a statement (clauses, loop bodies, try parts).
    private func forEachNestedBlock(_ statement: StatementAst, _ body: ([StatementAst]) -> Void) {
        switch statement {
        case .ifStatement(let i):
            for clause in i.clauses { body(clause.body.statements) }
            if let e = i.elseClause { body(e.statements) }
        case .switchStatement(let s):
            for clause in s.clauses { body(clause.body.statements) }
            if let d = s.defaultClause { body(d.statements) }
        case .foreachStatement(let f): body(f.body.statements)
        case .forStatement(let f): body(f.body.statements)
        case .whileStatement(let w): body(w.body.statements)
        case .doLoop(let d): body(d.body.statements)
        case .tryStatement(let t):
            body(t.body.statements)
            for c in t.catchClauses { body(c.body.statements) }
            if let f = t.finallyClause { body(f.statements) }
        case .block(let b): body(b.statements)
        case .trap(let t): body(t.body.statements)
        case .pipeline, .pipelineChain, .assignment, .flow, .functionDefinition, .typeDefinition, .using: break
        }
    }

    /// True when no path through the statements reaches their end: each path meets a
    /// `return`, `throw` or `exit` (pwsh's flow analysis of a method body). A loop may run no
    /// times and a switch may match nothing, so neither counts; a try counts when its body and
    /// every catch do and an error cannot pass through a finally uncaught.
    static func alwaysLeaves(_ statements: [StatementAst]) -> Bool {
        statements.contains { alwaysLeaves($0) }
    }

    private static func alwaysLeaves(_ statement: StatementAst) -> Bool {
        switch statement {
        case .flow(let f):
            return f.kind == .returnFlow || f.kind == .throwFlow || f.kind == .exitFlow
        case .ifStatement(let i):
            guard let e = i.elseClause else { return false }
            return i.clauses.allSatisfy { alwaysLeaves($0.body.statements) } && alwaysLeaves(e.statements)
        case .tryStatement(let t):
            if let f = t.finallyClause, alwaysLeaves(f.statements) { return true }
            let catchAll = t.catchClauses.contains { $0.catchTypes.isEmpty }
            return alwaysLeaves(t.body.statements) && t.catchClauses.allSatisfy { alwaysLeaves($0.body.statements) }
                && (t.finallyClause == nil || catchAll)
        case .doLoop(let d):
            return alwaysLeaves(d.body.statements) && !containsBreak(d.body.statements)
        case .forStatement(let f):
            return f.condition == nil && !containsBreak(f.body.statements)
        case .block(let b):
            return alwaysLeaves(b.statements)
        default:
            return false
        }
    }

    private static func containsBreak(_ statements: [StatementAst]) -> Bool {
        statements.contains { s in
            if case .flow(let f) = s, f.kind == .breakFlow { return true }
            var found = false
            switch s {
            case .ifStatement(let i):
                found = i.clauses.contains { containsBreak($0.body.statements) } || (i.elseClause.map { containsBreak($0.statements) } ?? false)
            case .tryStatement(let t):
                found = containsBreak(t.body.statements) || t.catchClauses.contains { containsBreak($0.body.statements) }
            case .block(let b):
                found = containsBreak(b.statements)
            default:
                break
            }
            return found
        }
    }
}
