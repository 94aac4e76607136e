/// Case-insensitive text comparison without building lower-cased copies: ASCII is compared byte
/// by byte, anything else falls back to `lowercased()`. Policy names, identities and filter values
/// are compared this way on hot paths (a bulk grant compares names for each of 100,000 users).
public enum CaseFolding {
    public static func equal(_ a: String, _ b: String) -> Bool {
        var ai = a.utf8.makeIterator(), bi = b.utf8.makeIterator()
        while true {
            switch (ai.next(), bi.next()) {
            case (nil, nil):
                return true
            case (let x?, let y?):
                if x == y { continue }
                if x >= 0x80 || y >= 0x80 { return a.lowercased() == b.lowercased() }
                if fold(x) != fold(y) { return false }
            default:
                // Different lengths can still be equal after Unicode folding only when non-ASCII.
                return !a.utf8.allSatisfy({ $0 < 0x80 }) || !b.utf8.allSatisfy({ $0 < 0x80 })
                    ? a.lowercased() == b.lowercased() : false
            }
        }
    }

    /// The text lower-cased, as index keys are; text with no upper-case ASCII letter and nothing
    /// beyond ASCII is returned as it is, without a copy.
    public static func folded(_ text: String) -> String {
        for byte in text.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return text.lowercased() }
        return text
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
