/// Where each key of a PSHashtable sits in its insertion-ordered arrays. Open addressing with
/// linear probing over a power-of-two table, hashing keys with FNV-1a and integer mixing
/// instead of the standard library's SipHash: scripts key hashtables with short strings and
/// numbers, and for those the seeded hash cost more than the whole lookup (and was paid again
/// for every key each time the table grew).
struct HashKeyIndex {
    /// Keys and their hashes by position.
    private var keys: [HashKey] = []
    private var hashes: [Int] = []
    /// Position + 1 of the key in each slot; 0 for an empty slot.
    private var slots: [Int32] = []

    var count: Int { keys.count }

    /// The position of `key`, if present.
    @inline(__always)
    func position(of key: HashKey) -> Int? {
        guard !slots.isEmpty else { return nil }
        return find(key, HashKeyIndex.hash(key)).position
    }

    /// The position of `key`, adding it at the end when absent; `inserted` says which.
    @inline(__always)
    mutating func positionOrAppend(_ key: HashKey) -> (position: Int, inserted: Bool) {
        let h = HashKeyIndex.hash(key)
        if !slots.isEmpty {
            let found = find(key, h)
            if let p = found.position { return (p, false) }
            if (keys.count + 1) * 4 <= slots.count * 3 {
                let p = keys.count
                slots[found.slot] = Int32(p + 1)
                keys.append(key)
                hashes.append(h)
                return (p, true)
            }
        }
        let p = keys.count
        keys.append(key)
        hashes.append(h)
        grow()
        return (p, true)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: HashKey, _ h: Int) -> (position: Int?, slot: Int) {
        let mask = slots.count - 1
        var s = h & mask
        while true {
            let entry = Int(slots[s])
            if entry == 0 { return (nil, s) }
            if hashes[entry - 1] == h && keys[entry - 1] == key { return (entry - 1, s) }
            s = (s + 1) & mask
        }
    }

    /// Rebuilds the slots at twice the size the keys need, so the table stays under 3/4 full.
    private mutating func grow() {
        var size = 8
        while size * 3 < keys.count * 4 * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (p, h) in hashes.enumerated() {
            var s = h & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(p + 1)
        }
    }

    static func hash(_ key: HashKey) -> Int {
        switch key {
        case .string(let s): return fnv(s, seed: 0)
        case .other(let s): return fnv(s, seed: 0x5bd1e995)
        case .integer(let i): return mix(UInt64(bitPattern: i))
        case .floating(let d): return mix(d.bitPattern ^ 0x9e37_79b9_7f4a_7c15)
        case .bool(let b): return b ? 0x51 : 0x50
        case .null: return 0x3f
        case .reference(let o): return mix(UInt64(UInt(bitPattern: o)))
        }
    }

    @inline(__always)
    private static func fnv(_ s: String, seed: UInt64) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return mix(h)
    }

    /// Spreads the bits so that consecutive numbers (and FNV's weak low bits) land apart.
    @inline(__always)
    private static func mix(_ x: UInt64) -> Int {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int(bitPattern: UInt(truncatingIfNeeded: z ^ (z >> 31)))
    }
}
