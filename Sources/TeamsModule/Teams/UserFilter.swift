import Foundation
import PowerShellRuntime
import TeamsTenant

/// Get-CsOnlineUser's `-Filter`: pwsh-style filter text over the user's properties
/// (`DisplayName -like 'Jay*' -and AccountEnabled -eq $true`,
/// `TeamsEnhancedEncryptionPolicy -eq $null`). `-and`/`-or` bind equally, left to right, as in
/// PowerShell; `-not` and parentheses group.
struct UserFilter {
    struct SyntaxError: Error {
        let message: String
    }

    indirect enum Node {
        case compare(property: String, op: String, value: String?)
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
    }

    let root: Node

    init(_ text: String) throws {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = String(body.dropFirst().dropLast()) }
        var parser = FilterParser(tokens: try FilterParser.tokenize(body))
        root = try parser.expression()
        if parser.position < parser.tokens.count {
            throw SyntaxError(message: "Invalid filter '\(text)': unexpected '\(parser.tokens[parser.position])'.")
        }
    }

    func matches(_ user: TenantUser, _ catalog: PolicyCatalog) -> Bool { evaluate(root, user, catalog) }

    private func evaluate(_ node: Node, _ user: TenantUser, _ catalog: PolicyCatalog) -> Bool {
        switch node {
        case .and(let a, let b): return evaluate(a, user, catalog) && evaluate(b, user, catalog)
        case .or(let a, let b): return evaluate(a, user, catalog) || evaluate(b, user, catalog)
        case .not(let a): return !evaluate(a, user, catalog)
        case .compare(let property, let op, let value):
            return UserFilter.compare(UserFilter.property(user, property, catalog), op, value)
        }
    }

    /// A user property as text (nil for `$null`).
    static func property(_ user: TenantUser, _ name: String, _ catalog: PolicyCatalog) -> String? {
        switch name.lowercased() {
        case "identity", "objectid": return user.objectId
        case "userprincipalname": return user.userPrincipalName
        case "alias": return user.alias
        case "displayname": return user.displayName
        case "givenname": return user.givenName
        case "surname": return user.surname
        case "accountenabled": return user.accountEnabled ? "True" : "False"
        case "sipaddress": return user.sipAddress
        case "usagelocation": return user.usageLocation
        case "department": return user.department
        default:
            if let d = catalog.descriptor(named: name) { return user.policies[d.name] }
            return nil
        }
    }

    static func compare(_ actual: String?, _ op: String, _ expected: String?) -> Bool {
        var o = op.lowercased()
        if o.count > 2, o.hasPrefix("i") || o.hasPrefix("c") { o.removeFirst() }
        let a = actual ?? "", e = expected ?? ""
        switch o {
        case "eq": return expected == nil ? (actual ?? "").isEmpty : a.caseInsensitiveCompare(e) == .orderedSame
        case "ne": return !compare(actual, "eq", expected)
        case "like": return Wildcard(e).matches(a)
        case "notlike": return !Wildcard(e).matches(a)
        case "gt": return a.caseInsensitiveCompare(e) == .orderedDescending
        case "lt": return a.caseInsensitiveCompare(e) == .orderedAscending
        case "ge": return a.caseInsensitiveCompare(e) != .orderedAscending
        case "le": return a.caseInsensitiveCompare(e) != .orderedDescending
        default: return false
        }
    }
}

/// A recursive-descent reader of filter tokens.
struct FilterParser {
    let tokens: [String]
    var position = 0

    static let operators: Set<String> = ["eq", "ne", "like", "notlike", "gt", "lt", "ge", "le"]

    /// Words, quoted strings (kept with their quotes), `(`, `)`.
    static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" || c == ")" { tokens.append(String(c)); i += 1; continue }
            if c == "'" || c == "\"" {
                var j = i + 1
                var value = ""
                while j < chars.count {
                    if chars[j] == c {
                        if j + 1 < chars.count, chars[j + 1] == c { value.append(c); j += 2; continue }
                        break
                    }
                    value.append(chars[j])
                    j += 1
                }
                guard j < chars.count else { throw UserFilter.SyntaxError(message: "Invalid filter '\(text)': a string is missing its closing quote.") }
                tokens.append("'" + value)
                i = j + 1
                continue
            }
            var word = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "(", chars[i] != ")" {
                word.append(chars[i])
                i += 1
            }
            tokens.append(word)
        }
        return tokens
    }

    mutating func next() -> String? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    // G expression: term { ('-and' | '-or') term }
    mutating func expression() throws -> UserFilter.Node {
        var left = try term()
        while position < tokens.count {
            let t = tokens[position].lowercased()
            guard t == "-and" || t == "-or" else { break }
            position += 1
            let right = try term()
            left = t == "-and" ? .and(left, right) : .or(left, right)
        }
        return left
    }

    // G term: '-not' term | '!' term | '(' expression ')' | property operator value
    mutating func term() throws -> UserFilter.Node {
        guard let t = next() else { throw UserFilter.SyntaxError(message: "Invalid filter: a comparison is missing.") }
        if t.lowercased() == "-not" || t == "!" { return .not(try term()) }
        if t == "(" {
            let inner = try expression()
            guard next() == ")" else { throw UserFilter.SyntaxError(message: "Invalid filter: missing ')'.") }
            return inner
        }
        let property = t.hasPrefix("$_.") ? String(t.dropFirst(3)) : t
        guard let opToken = next(), opToken.hasPrefix("-") else {
            throw UserFilter.SyntaxError(message: "Invalid filter: '\(property)' must be followed by an operator such as -eq or -like.")
        }
        var op = String(opToken.dropFirst()).lowercased()
        if op.count > 2, op.hasPrefix("i") || op.hasPrefix("c"), FilterParser.operators.contains(String(op.dropFirst())) { op.removeFirst() }
        guard FilterParser.operators.contains(op) else { throw UserFilter.SyntaxError(message: "Invalid filter: unknown operator '\(opToken)'.") }
        guard let raw = next() else { throw UserFilter.SyntaxError(message: "Invalid filter: '\(opToken)' needs a value.") }
        let value: String?
        switch raw.lowercased() {
        case "$null": value = nil
        case "$true": value = "True"
        case "$false": value = "False"
        default: value = raw.hasPrefix("'") ? String(raw.dropFirst()) : raw
        }
        return .compare(property: property, op: op, value: value)
    }
}
