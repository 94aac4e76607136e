/// The world's deterministic random source (SplitMix64). Every GUID, certificate and call id the
/// simulator makes comes from here, never from the system, so a script run twice against the same
/// world prints the same output. Its state is part of the saved world, so a session that continues
/// from a tenant file continues the same sequence.
public struct SeededGenerator: RandomNumberGenerator, Codable, Equatable, Sendable {
    /// The fixed seed of the embedded default world.
    public static let defaultSeed: UInt64 = 0x7EA5_E2EE_4C5E_8D2A

    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// `count` random bytes.
    public mutating func nextBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            var word = next()
            for _ in 0..<8 where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return bytes
    }

    /// A random (version 4) GUID in .NET's lower-case `D` format.
    public mutating func nextGuid() -> String {
        GuidText.version4(from: nextBytes(16))
    }

    // The state is saved as hex text: JSON numbers above 2^53 do not survive every reader.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = UInt64(text, radix: 16) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "random state must be 1 to 16 hex digits, not \"\(text)\"")
        }
        state = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(state, radix: 16))
    }
}

/// GUID text, as .NET's `Guid.ToString()` prints it: `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
public enum GuidText {
    /// Formats 16 bytes as a version-4, RFC 4122 variant GUID.
    public static func version4(from bytes: [UInt8]) -> String {
        var bytes = Array(bytes.prefix(16))
        while bytes.count < 16 { bytes.append(0) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = HexText.encode(bytes)
        let units = Array(hex.utf8)
        func part(_ range: Range<Int>) -> String { String(decoding: units[range], as: UTF8.self) }
        return [part(0..<8), part(8..<12), part(12..<16), part(16..<20), part(20..<32)].joined(separator: "-")
    }

    /// A stable GUID derived from a name, for objects in hand-written fixtures that give no id:
    /// the same name always gives the same GUID.
    public static func derived(from name: String) -> String {
        version4(from: SHA256.hash(utf8: name))
    }

    /// Whether text has the shape of a GUID (hex digits in 8-4-4-4-12 groups).
    public static func isGuid(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
