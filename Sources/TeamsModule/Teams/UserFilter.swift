import Foundation
import PowerShellRuntime
import TeamsTenant

/// Get-CsOnlineUser's `-Filter`: pwsh-style filter text over the user's properties
/// (`DisplayName -like 'Jay*' -and AccountEnabled -eq $true`,
/// `TeamsMeetingPolicy -eq 'Kiosk'`, `TeamsEnhancedEncryptionPolicy -eq $null`). `-and`/`-or`
/// bind equally, left to right, as in PowerShell; `-not` and parentheses group. The text is
/// compiled once: property names resolve to fields (a policy type of the catalog or a user
/// property) and wildcards to patterns, so filtering 100,000 users does no per-user parsing.
struct UserFilter {
    struct SyntaxError: Error {
        let message: String
    }

    /// A user property the filter reads.
    enum Field {
        case objectId, userPrincipalName, alias, displayName, givenName, surname, accountEnabled, sipAddress, usageLocation
        case department
        /// A policy type's direct assignment (the type's canonical name).
        case policy(String)
        /// A name no user has: always `$null`.
        case unknown

        init(_ name: String, _ catalog: PolicyCatalog) {
            switch name.lowercased() {
            case "identity", "objectid": self = .objectId
            case "userprincipalname": self = .userPrincipalName
            case "alias": self = .alias
            case "displayname": self = .displayName
            case "givenname": self = .givenName
            case "surname": self = .surname
            case "accountenabled": self = .accountEnabled
            case "sipaddress": self = .sipAddress
            case "usagelocation": self = .usageLocation
            case "department": self = .department
            default: self = catalog.descriptor(named: name).map { .policy($0.name) } ?? .unknown
            }
        }

        /// The field's text for a user (nil for `$null`).
        func value(_ user: TenantUser) -> String? {
            switch self {
            case .objectId: return user.objectId
            case .userPrincipalName: return user.userPrincipalName
            case .alias: return user.alias
            case .displayName: return user.displayName
            case .givenName: return user.givenName
            case .surname: return user.surname
            case .accountEnabled: return user.accountEnabled ? "True" : "False"
            case .sipAddress: return user.sipAddress
            case .usageLocation: return user.usageLocation
            case .department: return user.department
            case .policy(let type): return user.policies[type]
            case .unknown: return nil
            }
        }
    }

    /// One comparison, its pattern built once.
    struct Comparison {
        let field: Field
        let op: String
        /// nil for `$null`.
        let expected: String?
        let pattern: Wildcard?

        init(field: Field, op: String, expected: String?) {
            self.field = field
            self.op = op
            self.expected = expected
            pattern = op == "like" || op == "notlike" ? Wildcard(expected ?? "") : nil
        }

        func matches(_ user: TenantUser) -> Bool {
            let actual = field.value(user)
            switch op {
            case "eq": return equals(actual)
            case "ne": return !equals(actual)
            case "like": return pattern?.matches(actual ?? "") ?? false
            case "notlike": return !(pattern?.matches(actual ?? "") ?? false)
            default: return UserFilter.order(actual ?? "", op, expected ?? "")
            }
        }

        private func equals(_ actual: String?) -> Bool {
            guard let expected else { return (actual ?? "").isEmpty }
            return CaseFolding.equal(actual ?? "", expected)
        }
    }

    indirect enum Node {
        case compare(Comparison)
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
    }

    let root: Node

    init(_ text: String, catalog: PolicyCatalog) throws {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = String(body.dropFirst().dropLast()) }
        var parser = FilterParser(tokens: try FilterParser.tokenize(body), catalog: catalog)
        root = try parser.expression()
        if parser.position < parser.tokens.count {
            throw SyntaxError(message: "Invalid filter '\(text)': unexpected '\(parser.tokens[parser.position])'.")
        }
    }

    func matches(_ user: TenantUser) -> Bool { evaluate(root, user) }

    private func evaluate(_ node: Node, _ user: TenantUser) -> Bool {
        switch node {
        case .and(let a, let b): return evaluate(a, user) && evaluate(b, user)
        case .or(let a, let b): return evaluate(a, user) || evaluate(b, user)
        case .not(let a): return !evaluate(a, user)
        case .compare(let comparison): return comparison.matches(user)
        }
    }

    /// `-gt`, `-lt`, `-ge`, `-le` on text, case-insensitively.
    static func order(_ a: String, _ op: String, _ e: String) -> Bool {
        let result = a.lowercased() < e.lowercased() ? -1 : a.lowercased() == e.lowercased() ? 0 : 1
        switch op {
        case "gt": return result > 0
        case "lt": return result < 0
        case "ge": return result >= 0
        case "le": return result <= 0
        default: return false
        }
    }
}

/// A recursive-descent reader of filter tokens.
struct FilterParser {
    let tokens: [String]
    let catalog: PolicyCatalog
    var position = 0

    init(tokens: [String], catalog: PolicyCatalog) {
        self.tokens = tokens
        self.catalog = catalog
    }

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
        return .compare(UserFilter.Comparison(field: UserFilter.Field(property, catalog), op: op, expected: value))
    }
}
