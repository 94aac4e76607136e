import Foundation

/// A minimal arbitrary-precision integer for `[bigint]` (System.Numerics.BigInteger): parse,
/// print, add, subtract, multiply, compare, and exact conversion from Double. Division and the
/// rest go through Double (rare in admin scripts).
struct BigInt: Equatable {
    var negative: Bool
    /// Magnitude, little-endian 32-bit limbs, no leading zero limbs (zero is []).
    var limbs: [UInt32]

    init(_ v: Int64) {
        negative = v < 0
        var m = v.magnitude
        limbs = []
        while m > 0 { limbs.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
    }

    init(_ v: UInt64) {
        negative = false
        var m = v
        limbs = []
        while m > 0 { limbs.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
    }

    private init(negative: Bool, limbs: [UInt32]) {
        var l = limbs
        while let last = l.last, last == 0 { l.removeLast() }
        self.negative = l.isEmpty ? false : negative
        self.limbs = l
    }

    /// Parses optional sign and decimal digits.
    init?(_ text: String) {
        var neg = false
        var mag: [UInt32] = []
        var any = false
        for (i, c) in text.utf8.enumerated() {
            if i == 0 && (c == 0x2D || c == 0x2B) { neg = c == 0x2D; continue }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            any = true
            BigInt.mulAdd(&mag, 10, UInt32(c - 0x30))
        }
        guard any else { return nil }
        self.init(negative: neg, limbs: mag)
    }

    /// The exact integer value of an integral Double.
    init(exactly d: Double) {
        guard d.isFinite, d != 0 else { self.init(negative: false, limbs: []); return }
        let m = d.magnitude
        let exponent = Int(m.exponent) - 52
        var sig = m.significandBitPattern | (m.isNormal ? (1 << 52) : 0)
        var mag: [UInt32] = []
        if exponent >= 0 {
            while sig > 0 { mag.append(UInt32(truncatingIfNeeded: sig)); sig >>= 32 }
            for _ in 0..<exponent { BigInt.mulAdd(&mag, 2, 0) }
        } else {
            let shift = -exponent
            sig = shift >= 64 ? 0 : sig >> UInt64(shift)
            while sig > 0 { mag.append(UInt32(truncatingIfNeeded: sig)); sig >>= 32 }
        }
        self.init(negative: d < 0, limbs: mag)
    }

    private static func mulAdd(_ mag: inout [UInt32], _ mul: UInt32, _ add: UInt32) {
        var carry = UInt64(add)
        for i in 0..<mag.count {
            let p = UInt64(mag[i]) * UInt64(mul) + carry
            mag[i] = UInt32(truncatingIfNeeded: p)
            carry = p >> 32
        }
        if carry > 0 { mag.append(UInt32(carry)) }
    }

    var int64Value: Int64? {
        guard limbs.count <= 2 else { return nil }
        var m: UInt64 = 0
        for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
        if negative { return m <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- m) : nil }
        return m <= UInt64(Int64.max) ? Int64(m) : nil
    }

    var uint64Value: UInt64? {
        guard !negative, limbs.count <= 2 else { return nil }
        var m: UInt64 = 0
        for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
        return m
    }

    var doubleValue: Double {
        var d = 0.0
        for l in limbs.reversed() { d = d * 4294967296.0 + Double(l) }
        return negative ? -d : d
    }

    var description: String {
        if limbs.isEmpty { return "0" }
        var mag = limbs
        var chunks: [UInt32] = []
        while !mag.isEmpty {
            var rem: UInt64 = 0
            for i in stride(from: mag.count - 1, through: 0, by: -1) {
                let cur = (rem << 32) | UInt64(mag[i])
                mag[i] = UInt32(cur / 1_000_000_000)
                rem = cur % 1_000_000_000
            }
            while let last = mag.last, last == 0 { mag.removeLast() }
            chunks.append(UInt32(rem))
        }
        var s = negative ? "-" : ""
        s += String(chunks.last ?? 0)
        for c in chunks.dropLast().reversed() {
            let t = String(c)
            s += String(repeating: "0", count: 9 - t.count) + t
        }
        return s
    }

    private static func compareMagnitude(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    private static func addMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var r: [UInt32] = []
        r.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            r.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        if carry > 0 { r.append(UInt32(carry)) }
        return r
    }

    /// a - b for |a| ≥ |b|.
    private static func subMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var r: [UInt32] = []
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            if d < 0 { d += 1 << 32; borrow = 1 } else { borrow = 0 }
            r.append(UInt32(d))
        }
        return r
    }

    static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(negative: a.negative, limbs: addMagnitude(a.limbs, b.limbs)) }
        if compareMagnitude(a.limbs, b.limbs) >= 0 { return BigInt(negative: a.negative, limbs: subMagnitude(a.limbs, b.limbs)) }
        return BigInt(negative: b.negative, limbs: subMagnitude(b.limbs, a.limbs))
    }

    static func - (a: BigInt, b: BigInt) -> BigInt { a + BigInt(negative: !b.negative, limbs: b.limbs) }

    static func * (a: BigInt, b: BigInt) -> BigInt {
        if a.limbs.isEmpty || b.limbs.isEmpty { return BigInt(Int64(0)) }
        var r = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in 0..<a.limbs.count {
            var carry: UInt64 = 0
            for j in 0..<b.limbs.count {
                let t = UInt64(a.limbs[i]) * UInt64(b.limbs[j]) + UInt64(r[i + j]) + carry
                r[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            var k = i + b.limbs.count
            while carry > 0, k < r.count {
                let t = UInt64(r[k]) + carry
                r[k] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
                k += 1
            }
        }
        return BigInt(negative: a.negative != b.negative, limbs: r)
    }

    static func compare(_ a: BigInt, _ b: BigInt) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let m = compareMagnitude(a.limbs, b.limbs)
        return a.negative ? -m : m
    }
}
