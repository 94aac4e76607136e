import Foundation
@testable import PowerShellSyntax

/// A compact one-line rendering of a syntax tree, so tests compare shapes as short strings.
enum AstDump {
    static func script(_ sb: ScriptBlockAst) -> String {
        var parts: [String] = []
        for u in sb.usingStatements { parts.append("using \(u.kind) \(u.name)") }
        if let p = sb.paramBlock { parts.append(paramBlock(p)) }
        let named: [(String, NamedBlockAst?)] = [("dynamicparam", sb.dynamicParamBlock), ("begin", sb.beginBlock),
                                                 ("process", sb.processBlock), ("end", sb.endBlock), ("clean", sb.cleanBlock)]
        for (name, block) in named {
            guard let b = block else { continue }
            if b.unnamed { parts.append(contentsOf: b.statements.map(statement)) }
            else { parts.append("\(name){" + b.statements.map(statement).joined(separator: "; ") + "}") }
        }
        return parts.joined(separator: "; ")
    }

    static func paramBlock(_ p: ParamBlockAst) -> String {
        p.attributes.map(attribute).joined() + "param(" + p.parameters.map(parameter).joined(separator: ", ") + ")"
    }

    static func parameter(_ p: ParameterAst) -> String {
        p.attributes.map(attribute).joined() + p.typeConstraints.map { "[\($0)]" }.joined() + "$" + p.name
            + (p.defaultValue.map { " = " + expr($0) } ?? "")
    }

    static func attribute(_ a: AttributeAst) -> String {
        let args = a.positionalArguments.map(expr) + a.namedArguments.map { $0.name + ($0.value.map { "=" + expr($0) } ?? "") }
        return "[\(a.typeName)(" + args.joined(separator: ", ") + ")]"
    }

    static func block(_ b: StatementBlockAst) -> String { "{" + b.statements.map(statement).joined(separator: "; ") + "}" }

    static func statement(_ s: StatementAst) -> String {
        switch s {
        case .pipeline(let p): return pipeline(p)
        case .pipelineChain(let c): return statement(c.left) + (c.isAnd ? " && " : " || ") + pipeline(c.right)
        case .assignment(let a): return expr(a.left) + " \(a.op.rawValue) " + statement(a.right)
        case .ifStatement(let i):
            var out = i.clauses.enumerated().map { (n, c) in (n == 0 ? "if(" : "elseif(") + statement(c.condition) + ")" + block(c.body) }.joined()
            if let e = i.elseClause { out += "else" + block(e) }
            return out
        case .switchStatement(let s):
            var flags: [String] = []
            if s.flags.contains(.regex) { flags.append("-regex") }
            if s.flags.contains(.wildcard) { flags.append("-wildcard") }
            if s.flags.contains(.exact) { flags.append("-exact") }
            if s.flags.contains(.caseSensitive) { flags.append("-casesensitive") }
            if s.flags.contains(.file) { flags.append("-file") }
            var clauses = s.clauses.map { expr($0.test) + block($0.body) }
            if let d = s.defaultClause { clauses.append("default" + block(d)) }
            return label(s.label) + "switch" + flags.map { " " + $0 }.joined() + "(" + statement(s.condition) + "){" + clauses.joined(separator: " ") + "}"
        case .foreachStatement(let f):
            return label(f.label) + "foreach($\(f.variable.name) in " + statement(f.collection) + ")" + block(f.body)
        case .forStatement(let f):
            return label(f.label) + "for(" + [f.initializer, f.condition, f.iterator].map { $0.map(statement) ?? "" }.joined(separator: "; ") + ")" + block(f.body)
        case .whileStatement(let w): return label(w.label) + "while(" + statement(w.condition) + ")" + block(w.body)
        case .doLoop(let d): return label(d.label) + "do" + block(d.body) + (d.isUntil ? "until(" : "while(") + statement(d.condition) + ")"
        case .flow(let f):
            let kw: String
            switch f.kind {
            case .breakFlow: kw = "break"
            case .continueFlow: kw = "continue"
            case .returnFlow: kw = "return"
            case .exitFlow: kw = "exit"
            case .throwFlow: kw = "throw"
            }
            return kw + (f.label.map { " " + $0 } ?? "") + (f.operand.map { " " + statement($0) } ?? "")
        case .trap(let t): return "trap" + (t.trapType.map { "[\($0)]" } ?? "") + block(t.body)
        case .tryStatement(let t):
            return "try" + block(t.body) + t.catchClauses.map { c in "catch" + c.catchTypes.map { "[\($0.type)]" }.joined() + block(c.body) }.joined()
                + (t.finallyClause.map { "finally" + block($0) } ?? "")
        case .functionDefinition(let f):
            return (f.isFilter ? "filter " : "function ") + f.name + (f.parameters.map { "(" + $0.map(parameter).joined(separator: ", ") + ")" } ?? "")
                + "{" + script(f.body) + "}"
        case .typeDefinition(let t):
            let members = t.members.map { m -> String in
                switch m {
                case .property(let p):
                    return (p.isStatic ? "static " : "") + (p.isHidden ? "hidden " : "") + (p.propertyType.map { "[\($0)]" } ?? "") + p.name
                        + (p.initialValue.map { " = " + expr($0) } ?? "")
                case .method(let f):
                    return (f.isStatic ? "static " : "") + (f.returnType.map { "[\($0)]" } ?? "") + (f.isConstructor ? "ctor " : "") + f.name
                        + "(" + f.parameters.map(parameter).joined(separator: ", ") + ")"
                        + (f.baseArguments.map { ":base(" + $0.map(expr).joined(separator: ", ") + ")" } ?? "") + "{" + script(f.body) + "}"
                }
            }
            return t.attributes.map(attribute).joined() + (t.isEnum ? "enum " : "class ") + t.name
                + (t.baseTypes.isEmpty ? "" : " : " + t.baseTypes.map { $0.description }.joined(separator: ", ")) + "{" + members.joined(separator: "; ") + "}"
        case .block(let b): return "data" + block(b)
        case .using(let u): return "using \(u.kind) \(u.name)"
        }
    }

    static func label(_ l: String?) -> String { l.map { ":\($0) " } ?? "" }

    static func pipeline(_ p: PipelineAst) -> String {
        p.elements.map { e -> String in
            switch e {
            case .command(let c): return command(c)
            case .expression(let x): return expr(x.expression) + x.redirections.map(redirection).joined()
            }
        }.joined(separator: " | ") + (p.background ? " &" : "")
    }

    static func command(_ c: CommandAst) -> String {
        let op: String
        switch c.invocationOperator {
        case .none: op = ""
        case .ampersand: op = "& "
        case .dot: op = ". "
        }
        let els = c.elements.map { e -> String in
            switch e {
            case .parameter(let p): return "-" + p.name + (p.hasColon ? ":" : "") + (p.argument.map(expr) ?? "")
            case .argument(let a): return expr(a)
            case .stopParsing(let s, _): return "--%<" + s + ">"
            }
        }
        return op + "cmd(" + els.joined(separator: " ") + ")" + c.redirections.map(redirection).joined()
    }

    static func redirection(_ r: RedirectionAst) -> String {
        switch r {
        case .merge(let f, let t, _): return " \(f.rawValue)>&\(t.rawValue)"
        case .file(let f, let target, let append, _): return " \(f.rawValue)" + (append ? ">>" : ">") + expr(target)
        }
    }

    static func number(_ n: NumberLiteral) -> String {
        switch n {
        case .int32(let v): return "\(v)"
        case .int64(let v): return "\(v)L"
        case .double(let v): return "\(v)D"
        case .decimal(let s): return "\(s)M"
        case .byte(let v): return "\(v)uy"
        case .sbyte(let v): return "\(v)y"
        case .int16(let v): return "\(v)s"
        case .uint16(let v): return "\(v)us"
        case .uint32(let v): return "\(v)u"
        case .uint64(let v): return "\(v)ul"
        case .bigInteger(let s): return "\(s)n"
        }
    }

    static func variable(_ v: VariableExpressionAst) -> String {
        (v.splatted ? "@" : "$") + (v.scope.map { $0 + ":" } ?? "") + v.name
    }

    static func expr(_ e: ExpressionAst) -> String {
        switch e {
        case .constant(let c): return number(c.value)
        case .stringConstant(let s): return s.kind == .bareWord ? "bare(\(escape(s.value)))" : "'" + escape(s.value) + "'"
        case .expandableString(let s):
            return "exp(" + s.parts.map { p -> String in
                switch p {
                case .literal(let l): return "'" + escape(l) + "'"
                case .variable(let v): return variable(v)
                case .subExpression(let sub): return "$(" + sub.statements.statements.map(statement).joined(separator: "; ") + ")"
                }
            }.joined(separator: " ") + ")"
        case .variable(let v): return variable(v)
        case .binary(let b): return "(" + expr(b.left) + " " + b.op.rawValue + " " + expr(b.right) + ")"
        case .unary(let u): return "(\(u.op) " + expr(u.operand) + ")"
        case .convert(let c): return "[\(c.type)](" + expr(c.child) + ")"
        case .typeLiteral(let t): return "[\(t.type)]"
        case .member(let m): return expr(m.target) + (m.isStatic ? "::" : m.nullConditional ? "?." : ".") + memberName(m.member)
        case .invokeMember(let m):
            return expr(m.target) + (m.isStatic ? "::" : m.nullConditional ? "?." : ".") + memberName(m.member) + "(" + m.arguments.map(expr).joined(separator: ", ") + ")"
        case .index(let i): return expr(i.target) + (i.nullConditional ? "?[" : "[") + expr(i.index) + "]"
        case .arrayLiteral(let a): return "arr(" + a.elements.map(expr).joined(separator: ", ") + ")"
        case .arrayExpression(let s): return "@(" + s.statements.statements.map(statement).joined(separator: "; ") + ")"
        case .subExpression(let s): return "$(" + s.statements.statements.map(statement).joined(separator: "; ") + ")"
        case .paren(let p): return "(" + statement(p.pipeline) + ")"
        case .hashtable(let h): return "@{" + h.pairs.map { expr($0.key) + "=" + statement($0.value) }.joined(separator: "; ") + "}"
        case .scriptBlock(let s): return "{" + script(s.scriptBlock) + "}"
        case .ternary(let t): return "(" + expr(t.condition) + " ? " + expr(t.ifTrue) + " : " + expr(t.ifFalse) + ")"
        case .attributed(let a): return attribute(a.attribute) + "(" + expr(a.child) + ")"
        case .using(let u): return "$using:" + u.variable.name
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func memberName(_ e: ExpressionAst) -> String {
        if case .stringConstant(let s) = e, s.kind == .bareWord { return s.value }
        return expr(e)
    }
}
