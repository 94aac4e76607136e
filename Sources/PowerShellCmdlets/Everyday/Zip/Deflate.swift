/// DEFLATE (RFC 1951), written for the zip archives of Compress-/Expand-Archive so that teamsh
/// needs no zlib: `Inflate` reads stored, fixed and dynamic Huffman blocks (archives made by any
/// tool); `Deflate` writes LZ77 matches (a hash chain over a 32 KiB window) coded with the fixed
/// Huffman tables, or stored blocks for `NoCompression`.
enum Deflate {
    /// Lengths 3…258 as (base, extra bits) by code 257…285, and distances by code 0…29.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                      4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    // MARK: Compressing

    /// `data` as a raw DEFLATE stream; `store` writes it uncompressed.
    static func compress(_ data: [UInt8], store: Bool) -> [UInt8] {
        var w = BitWriter()
        if store || data.isEmpty {
            var offset = 0
            repeat {
                let n = min(65535, data.count - offset)
                let last = offset + n >= data.count
                w.write(last ? 1 : 0, bits: 1)
                w.write(0, bits: 2)
                w.alignToByte()
                w.bytes += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
                w.bytes += data[offset..<(offset + n)]
                offset += n
            } while offset < data.count
            return w.bytes
        }
        w.write(1, bits: 1)
        w.write(1, bits: 2)
        let windowSize = 32768, maxChain = 64
        var head = [Int](repeating: -1, count: 1 << 15)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int { ((Int(data[i]) << 10) ^ (Int(data[i + 1]) << 5) ^ Int(data[i + 2])) & 0x7FFF }
        func insert(_ i: Int) {
            guard i + 2 < data.count else { return }
            let h = hash(i)
            previous[i % windowSize] = head[h]
            head[h] = i
        }
        var i = 0
        while i < data.count {
            var bestLength = 0, bestDistance = 0
            if i + 2 < data.count {
                var candidate = head[hash(i)]
                var chain = 0
                while candidate >= 0 && i - candidate <= windowSize && chain < maxChain {
                    var n = 0
                    let limit = min(258, data.count - i)
                    while n < limit && data[candidate + n] == data[i + n] { n += 1 }
                    if n > bestLength {
                        bestLength = n
                        bestDistance = i - candidate
                        if n == limit { break }
                    }
                    let next = previous[candidate % windowSize]
                    if next >= candidate { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= 3 {
                writeLength(&w, bestLength)
                writeDistance(&w, bestDistance)
                for k in 0..<bestLength { insert(i + k) }
                i += bestLength
            } else {
                writeLiteral(&w, Int(data[i]))
                insert(i)
                i += 1
            }
        }
        writeLiteral(&w, 256)
        w.alignToByte()
        return w.bytes
    }

    /// A literal/length symbol in the fixed code (RFC 1951 §3.2.6), most significant bit first.
    private static func writeLiteral(_ w: inout BitWriter, _ symbol: Int) {
        switch symbol {
        case 0...143: w.writeReversed(0x30 + symbol, bits: 8)
        case 144...255: w.writeReversed(0x190 + symbol - 144, bits: 9)
        case 256...279: w.writeReversed(symbol - 256, bits: 7)
        default: w.writeReversed(0xC0 + symbol - 280, bits: 8)
        }
    }

    private static func writeLength(_ w: inout BitWriter, _ length: Int) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        writeLiteral(&w, 257 + code)
        w.write(length - lengthBase[code], bits: lengthExtra[code])
    }

    private static func writeDistance(_ w: inout BitWriter, _ distance: Int) {
        var code = distanceBase.count - 1
        while distanceBase[code] > distance { code -= 1 }
        w.writeReversed(code, bits: 5)
        w.write(distance - distanceBase[code], bits: distanceExtra[code])
    }

    // MARK: Decompressing

    /// A DEFLATE stream that is not well formed.
    struct Failure: Error {}

    /// The data of a raw DEFLATE stream.
    static func decompress(_ input: [UInt8]) throws -> [UInt8] {
        var r = BitReader(bytes: input)
        var out: [UInt8] = []
        var last = false
        while !last {
            last = try r.read(1) == 1
            switch try r.read(2) {
            case 0:
                r.alignToByte()
                let n = try r.read(16)
                _ = try r.read(16)
                for _ in 0..<n { out.append(UInt8(try r.read(8))) }
            case 1:
                try inflateBlock(&r, &out, literals: fixedLiterals, distances: fixedDistances)
            case 2:
                let (literals, distances) = try readDynamicTables(&r)
                try inflateBlock(&r, &out, literals: literals, distances: distances)
            default:
                throw Failure()
            }
        }
        return out
    }

    static let fixedLiterals = Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = Huffman(lengths: [Int](repeating: 5, count: 30))

    private static func readDynamicTables(_ r: inout BitReader) throws -> (Huffman, Huffman) {
        let literalCount = try r.read(5) + 257, distanceCount = try r.read(5) + 1, codeCount = try r.read(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[order[i]] = try r.read(3) }
        let codeTable = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeTable.decode(&r)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Failure() }
                lengths += [Int](repeating: previous, count: try r.read(2) + 3)
            case 17: lengths += [Int](repeating: 0, count: try r.read(3) + 3)
            default: lengths += [Int](repeating: 0, count: try r.read(7) + 11)
            }
        }
        return (Huffman(lengths: Array(lengths[0..<literalCount])), Huffman(lengths: Array(lengths[literalCount..<(literalCount + distanceCount)])))
    }

    private static func inflateBlock(_ r: inout BitReader, _ out: inout [UInt8], literals: Huffman, distances: Huffman) throws {
        while true {
            let symbol = try literals.decode(&r)
            if symbol < 256 {
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let code = symbol - 257
                guard code < lengthBase.count else { throw Failure() }
                let length = lengthBase[code] + (try r.read(lengthExtra[code]))
                let d = try distances.decode(&r)
                guard d < distanceBase.count else { throw Failure() }
                let distance = distanceBase[d] + (try r.read(distanceExtra[d]))
                guard distance <= out.count else { throw Failure() }
                let start = out.count - distance
                for k in 0..<length { out.append(out[start + k]) }
            }
        }
    }
}

/// A canonical Huffman code from its code lengths, decoded bit by bit.
struct Huffman {
    private var counts = [Int](repeating: 0, count: 16)
    private var symbols: [Int] = []

    init(lengths: [Int]) {
        for l in lengths where l > 0 && l < 16 { counts[l] += 1 }
        var offsets = [Int](repeating: 0, count: 16)
        for l in 1..<16 { offsets[l] = offsets[l - 1] + counts[l - 1] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, l) in lengths.enumerated() where l > 0 && l < 16 {
            symbols[offsets[l]] = symbol
            offsets[l] += 1
        }
    }

    func decode(_ r: inout BitReader) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try r.read(1)
            let count = counts[length]
            if code - count < first { return symbols[index + code - first] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw Deflate.Failure()
    }
}

/// Bits read least significant first, as DEFLATE packs them.
struct BitReader {
    let bytes: [UInt8]
    private var position = 0
    private var bit = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read(_ count: Int) throws -> Int {
        var value = 0
        for i in 0..<count {
            guard position < bytes.count else { throw Deflate.Failure() }
            value |= Int((bytes[position] >> bit) & 1) << i
            bit += 1
            if bit == 8 { bit = 0; position += 1 }
        }
        return value
    }

    mutating func alignToByte() {
        if bit > 0 { bit = 0; position += 1 }
    }
}

/// Bits written least significant first; Huffman codes reversed into that order.
struct BitWriter {
    var bytes: [UInt8] = []
    private var current: UInt32 = 0
    private var filled = 0

    mutating func write(_ value: Int, bits: Int) {
        guard bits > 0 else { return }
        current |= UInt32(value & ((1 << bits) - 1)) << filled
        filled += bits
        while filled >= 8 {
            bytes.append(UInt8(current & 0xFF))
            current >>= 8
            filled -= 8
        }
    }

    /// A Huffman code, whose bits go out most significant first.
    mutating func writeReversed(_ code: Int, bits: Int) {
        var reversed = 0
        for i in 0..<bits where code & (1 << i) != 0 { reversed |= 1 << (bits - 1 - i) }
        write(reversed, bits: bits)
    }

    mutating func alignToByte() {
        if filled > 0 {
            bytes.append(UInt8(current & 0xFF))
            current = 0
            filled = 0
        }
    }
}
