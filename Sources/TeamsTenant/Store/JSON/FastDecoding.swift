import Foundation

/// A type the world file's reader can build straight from a document's nodes, without the
/// Codable machinery (which costs about a microsecond per field: a 100,000-user world spent most
/// of its opening time there). Used for the elements of long arrays only (`decodeConcurrently`).
///
/// The fast reader must build exactly what the type's `init(from:)` builds. It returns nil for
/// anything it does not know or expect (an unknown key, a value of the wrong kind, text that is
/// not UTF-8), and the element is then decoded with Codable, which names the problem. So a field
/// added to the type later is never lost: until the fast reader learns it, such elements take
/// the Codable path. `WorldStoreTests.testFastUserReaderMatchesCodable` checks both paths agree.
protocol FastDocumentDecodable {
    static func decodeFast(_ document: JSONDocument, _ node: Int) -> Self?
}

extension FastDocumentDecodable {
    /// Builds the value at `node` into uninitialized memory for a `Self` (an array's storage);
    /// false, leaving it uninitialized, when the fast reader declines.
    static func decodeFast(_ document: JSONDocument, _ node: Int, into slot: UnsafeMutableRawPointer) -> Bool {
        guard let value = decodeFast(document, node) else { return false }
        slot.initializeMemory(as: Self.self, to: value)
        return true
    }
}

extension JSONDocument {
    /// The members of an object, with their keys' bytes, for a fast reader; marks them used and
    /// the object visited.
    func fastMembers(of object: Int, _ body: (_ key: UnsafeBufferPointer<UInt8>, _ value: Int) -> Bool) -> Bool {
        guard nodes[object].kind == .object else { return false }
        mark(object, Marks.visited)
        return bytes.withUnsafeBufferPointer { text in
            var child = firstChild(object)
            let end = next(object)
            while child < end {
                let entry = nodes[child]
                if entry.flags & Flags.escaped != 0 { return false }
                let start = Int(entry.start)
                let key = UnsafeBufferPointer(rebasing: text[start..<start + Int(entry.length)])
                // A key the reader does not take stays unused, so the Codable path can name it.
                if !body(key, child + 1) { return false }
                mark(child, Marks.used)
                child = next(child + 1)
            }
            return true
        }
    }

    func fastString(_ node: Int) -> String? {
        nodes[node].kind == .string ? string(node) : nil
    }

    /// A string, or nil for null; `.none` when it is neither.
    func fastOptionalString(_ node: Int) -> String?? {
        if nodes[node].kind == .null { return .some(nil) }
        return fastString(node).map { .some($0) }
    }

    func fastBool(_ node: Int) -> Bool? {
        switch nodes[node].kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    func fastStrings(_ node: Int) -> [String]? {
        guard nodes[node].kind == .array else { return nil }
        mark(node, Marks.visited)
        var result: [String] = []
        result.reserveCapacity(Int(nodes[node].length))
        var child = firstChild(node)
        let end = next(node)
        while child < end {
            guard let text = fastString(child) else { return nil }
            result.append(text)
            child = next(child)
        }
        return result
    }

    func fastStringMap(_ node: Int) -> [String: String]? {
        var result: [String: String] = [:]
        let complete = fastMembers(of: node) { key, value in
            guard let text = fastString(value) else { return false }
            result[String(decoding: key, as: UTF8.self)] = text
            return true
        }
        return complete ? result : nil
    }
}

/// Whether key bytes spell `name`.
@inline(__always)
private func spells(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
    guard key.count == name.utf8CodeUnitCount, let base = key.baseAddress else { return false }
    return memcmp(base, name.utf8Start, key.count) == 0
}

extension TenantUser: FastDocumentDecodable {
    /// What `TenantUser.init(from:)` builds, with the same defaults for what a file leaves out.
    static func decodeFast(_ document: JSONDocument, _ node: Int) -> TenantUser? {
        var userPrincipalName: String?, alias: String?, objectId: String?, displayName: String?
        var givenName: String?, surname: String?, sipAddress: String?, usageLocation: String?, department: String?
        var accountEnabled: Bool?, adminRoles: [String]?, policies: [String: String]?, clientSettings: ClientSettings?
        // Optional values that are null count as left out, as `decodeIfPresent` has it.
        func optional(_ value: Int, _ store: (String?) -> Void) -> Bool {
            guard let text = document.fastOptionalString(value) else { return false }
            store(text)
            return true
        }
        // A value read with `read` (null: left out); false when it is not what `read` takes.
        func present<Value>(_ value: Int, _ read: (Int) -> Value?, _ store: (Value) -> Void) -> Bool {
            if document.nodes[value].kind == .null { return true }
            guard let read = read(value) else { return false }
            store(read)
            return true
        }
        let complete = document.fastMembers(of: node) { key, value in
            switch key.count {
            case 5 where spells(key, "alias"): return optional(value) { alias = $0 }
            case 7 where spells(key, "surname"): return optional(value) { surname = $0 }
            case 8 where spells(key, "objectId"): return optional(value) { objectId = $0 }
            case 8 where spells(key, "policies"): return present(value, document.fastStringMap) { policies = $0 }
            case 9 where spells(key, "givenName"): return optional(value) { givenName = $0 }
            case 10 where spells(key, "sipAddress"): return optional(value) { sipAddress = $0 }
            case 10 where spells(key, "department"): return optional(value) { department = $0 }
            case 10 where spells(key, "adminRoles"): return present(value, document.fastStrings) { adminRoles = $0 }
            case 11 where spells(key, "displayName"): return optional(value) { displayName = $0 }
            case 13 where spells(key, "usageLocation"): return optional(value) { usageLocation = $0 }
            case 14 where spells(key, "accountEnabled"): return present(value, document.fastBool) { accountEnabled = $0 }
            case 14 where spells(key, "clientSettings"):
                return present(value, { ClientSettings.decodeFast(document, $0) }) { clientSettings = $0 }
            case 17 where spells(key, "userPrincipalName"):
                userPrincipalName = document.fastString(value)
                return userPrincipalName != nil
            default:
                return false
            }
        }
        guard complete, let upn = userPrincipalName else { return nil }
        let userAlias = alias ?? TenantUser.defaultAlias(for: upn)
        return TenantUser(
            objectId: objectId ?? GuidText.derived(from: "user:" + upn.lowercased()), userPrincipalName: upn,
            displayName: displayName ?? userAlias, alias: userAlias, givenName: givenName, surname: surname,
            accountEnabled: accountEnabled ?? true, sipAddress: sipAddress, usageLocation: usageLocation ?? "US",
            department: department, adminRoles: adminRoles ?? [], policies: policies ?? [:],
            clientSettings: clientSettings ?? ClientSettings())
    }
}

extension ClientSettings: FastDocumentDecodable {
    /// What `ClientSettings.init(from:)` builds.
    static func decodeFast(_ document: JSONDocument, _ node: Int) -> ClientSettings? {
        var endToEndEncryptedCalls: Bool?
        let complete = document.fastMembers(of: node) { key, value in
            guard spells(key, "endToEndEncryptedCalls") else { return false }
            if document.nodes[value].kind == .null { return true }
            endToEndEncryptedCalls = document.fastBool(value)
            return endToEndEncryptedCalls != nil
        }
        return complete ? ClientSettings(endToEndEncryptedCalls: endToEndEncryptedCalls ?? false) : nil
    }
}

// MARK: - Writing

/// A type that writes its own JSON exactly as its Codable `encode(to:)` would (the same keys and
/// values; keys sorted as the file has them): the world file's and the journal's fast path for
/// users, the one list as long as the tenant. Codable is used instead when the type has stored
/// properties the fast writer does not know (counted once with `Mirror`), so a property added
/// later is never dropped; `WorldStoreTests.testFastUserWriterMatchesCodable` checks both agree.
protocol FastJSONWritable {
    var writesAllItsFields: Bool { get }
    func writeJSON(into writer: inout JSONTextWriter, depth: Int)
}

extension TenantUser: FastJSONWritable {
    /// Whether `writeJSON` knows every stored property of `TenantUser` (13) and `ClientSettings` (1).
    private static let fieldsKnown: Bool = {
        let sample = TenantUser(objectId: "", userPrincipalName: "", displayName: "")
        return Mirror(reflecting: sample).children.count == 13 && Mirror(reflecting: sample.clientSettings).children.count == 1
    }()

    var writesAllItsFields: Bool { TenantUser.fieldsKnown }

    func writeJSON(into writer: inout JSONTextWriter, depth: Int) {
        writer.append(UInt8(ascii: "{"))
        writer.member("accountEnabled", depth: depth, first: true)
        writer.append(accountEnabled ? "true" : "false")
        writer.member("adminRoles", depth: depth)
        writer.writeStrings(adminRoles, depth: depth + 1)
        writer.member("alias", depth: depth)
        writer.writeString(alias)
        writer.member("clientSettings", depth: depth)
        writer.append(UInt8(ascii: "{"))
        writer.member("endToEndEncryptedCalls", depth: depth + 1, first: true)
        writer.append(clientSettings.endToEndEncryptedCalls ? "true" : "false")
        writer.endObject(depth: depth + 1)
        if let department {
            writer.member("department", depth: depth)
            writer.writeString(department)
        }
        writer.member("displayName", depth: depth)
        writer.writeString(displayName)
        if let givenName {
            writer.member("givenName", depth: depth)
            writer.writeString(givenName)
        }
        writer.member("objectId", depth: depth)
        writer.writeString(objectId)
        writer.member("policies", depth: depth)
        writer.writeStringMap(policies, depth: depth + 1)
        writer.member("sipAddress", depth: depth)
        writer.writeString(sipAddress)
        if let surname {
            writer.member("surname", depth: depth)
            writer.writeString(surname)
        }
        writer.member("usageLocation", depth: depth)
        writer.writeString(usageLocation)
        writer.member("userPrincipalName", depth: depth)
        writer.writeString(userPrincipalName)
        writer.endObject(depth: depth)
    }
}

extension JSONTextWriter {
    /// A list of strings as the writer writes an array of them.
    mutating func writeStrings(_ items: [String], depth: Int) {
        guard !items.isEmpty else { return append("[]") }
        append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            newline(depth + 1)
            writeString(item)
        }
        newline(depth)
        append(UInt8(ascii: "]"))
    }

    /// A string-to-string map as the writer writes an object (keys sorted when pretty).
    mutating func writeStringMap(_ map: [String: String], depth: Int) {
        guard !map.isEmpty else { return append("{}") }
        append(UInt8(ascii: "{"))
        let keys = pretty ? map.keys.sorted() : Array(map.keys)
        for (index, key) in keys.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            newline(depth + 1)
            writeString(key)
            append(pretty ? ": " : ":")
            writeString(map[key] ?? "")
        }
        newline(depth)
        append(UInt8(ascii: "}"))
    }
}
