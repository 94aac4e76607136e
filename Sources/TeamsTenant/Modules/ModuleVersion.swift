/// A module version as PowerShellGet 2.x handles it: a .NET `System.Version` of two to four
/// numeric parts (`2.3.1`, `1.4.8.1`), optionally followed by a SemVer prerelease label
/// (`7.5.1-preview`).
///
/// Ordering: the numeric parts compare as `System.Version` does (a missing part counts as -1, so
/// `7.0` < `7.0.0`); for equal numeric parts a prerelease sorts **below** the release
/// (`7.5.1-preview` < `7.5.1`), and two labels compare by SemVer 2.0 rules (dot-separated
/// identifiers, numeric ones numerically, others case-insensitively by ordinal, fewer identifiers
/// first), which is how PowerShellGet orders gallery versions.
public struct ModuleVersion: Comparable, Hashable, Codable, CustomStringConvertible, Sendable {
    /// Two to four non-negative numbers.
    public let components: [Int]
    /// The label after `-` (`preview`), or nil for a release.
    public let prerelease: String?

    public init?(_ text: String) {
        // A valid version is ASCII through and through (digits, dots, and a label of letters,
        // digits and `-`), so it is read byte by byte: reading characters, with their grapheme
        // breaking, made the release table's hundred versions a tenth of start-up.
        let bytes = Array(text.trimmingWhitespace().utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let numericBytes: ArraySlice<UInt8>
        let label: String?
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) {
            numericBytes = bytes[..<dash]
            let labelBytes = bytes[(dash + 1)...]
            let identifiers = labelBytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            let valid = !labelBytes.isEmpty && identifiers.allSatisfy { identifier in
                !identifier.isEmpty && identifier.allSatisfy { ModuleVersion.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            }
            guard valid else { return nil }
            label = String(decoding: labelBytes, as: UTF8.self)
        } else {
            numericBytes = bytes[...]
            label = nil
        }
        let parts = numericBytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        numbers.reserveCapacity(parts.count)
        for part in parts {
            // Digits only (no sign, no spaces) and small enough for Int32, as System.Version requires.
            guard !part.isEmpty else { return nil }
            var number = 0
            for byte in part {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                guard number <= Int(Int32.max) else { return nil }
            }
            numbers.append(number)
        }
        components = numbers
        prerelease = label
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// A release version from its numbers (2 to 4 of them; others are clamped into that shape).
    public init(_ components: [Int], prerelease: String? = nil) {
        var parts = Array(components.prefix(4).map { max(0, $0) })
        while parts.count < 2 { parts.append(0) }
        self.components = parts
        self.prerelease = prerelease
    }

    public var isPrerelease: Bool { prerelease != nil }

    /// The numeric part alone (`7.5.1` for `7.5.1-preview`): what `[version]` and Get-Module's
    /// Version column show, and the name of the folder PowerShellGet installs into.
    public var numericText: String { components.map(String.init).joined(separator: ".") }

    /// The full text (`7.5.1-preview`), as Find-Module and Get-InstalledModule show it.
    public var description: String {
        guard let prerelease else { return numericText }
        return numericText + "-" + prerelease
    }

    /// The same version without its prerelease label.
    public var release: ModuleVersion { ModuleVersion(components) }

    public static func < (lhs: ModuleVersion, rhs: ModuleVersion) -> Bool {
        compare(lhs, rhs) < 0
    }

    public static func == (lhs: ModuleVersion, rhs: ModuleVersion) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(components)
        hasher.combine(prerelease?.lowercased())
    }

    /// -1, 0 or 1.
    public static func compare(_ lhs: ModuleVersion, _ rhs: ModuleVersion) -> Int {
        for index in 0..<4 {
            let left = index < lhs.components.count ? lhs.components[index] : -1
            let right = index < rhs.components.count ? rhs.components[index] : -1
            if left != right { return left < right ? -1 : 1 }
        }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil): return 0
        case (nil, _?): return 1
        case (_?, nil): return -1
        case (let left?, let right?): return comparePrerelease(left, right)
        }
    }

    /// SemVer 2.0 §11 precedence of two prerelease labels.
    private static func comparePrerelease(_ lhs: String, _ rhs: String) -> Int {
        let left = lhs.split(separator: "."), right = rhs.split(separator: ".")
        for (a, b) in zip(left, right) {
            switch (Int(a), Int(b)) {
            case (let x?, let y?):
                if x != y { return x < y ? -1 : 1 }
            case (_?, nil): return -1
            case (nil, _?): return 1
            case (nil, nil):
                let x = a.lowercased(), y = b.lowercased()
                if x != y { return x < y ? -1 : 1 }
            }
        }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        return 0
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = ModuleVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a module version such as 2.3.1 or 7.5.1-preview")
        }
        self = version
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> Substring {
        // Most texts (every version of the release table, read at start-up) have nothing to
        // trim: no copy of the slice for them.
        if let first, let last, !first.isWhitespace, !last.isWhitespace { return Substring(self) }
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return Substring(slice)
    }
}
