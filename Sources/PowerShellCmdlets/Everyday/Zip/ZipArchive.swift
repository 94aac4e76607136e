import Foundation

/// The zip container (PKWARE APPNOTE): local file headers with the data, a central directory,
/// the end record. Entries are stored or deflated (Deflate.swift); names are UTF-8 with `/`.
enum ZipArchive {
    struct Entry {
        /// The path inside the archive; a folder ends with `/`.
        var name: String
        var data: [UInt8]
        var modified: Date
    }

    /// A file that is not a zip archive this reader understands.
    struct Failure: Error {
        let reason: String
    }

    enum Level: String, CaseIterable {
        case Optimal, Fastest, NoCompression
    }

    // MARK: Writing

    static func write(_ entries: [Entry], level: Level) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let name = Array(e.name.utf8)
            let crc = CRC32.checksum(e.data)
            let isFolder = e.name.hasSuffix("/")
            let compressed = isFolder || level == .NoCompression ? e.data : Deflate.compress(e.data, store: false)
            // Keep data stored when deflating would not make it smaller.
            let method: UInt16 = (isFolder || level == .NoCompression || compressed.count >= e.data.count) ? 0 : 8
            let payload = method == 8 ? compressed : e.data
            let (time, date) = dosTime(e.modified)
            let offset = UInt32(truncatingIfNeeded: out.count)
            var local: [UInt8] = []
            local.le32(0x04034b50); local.le16(20); local.le16(0x0800); local.le16(method); local.le16(time); local.le16(date)
            local.le32(crc); local.le32(UInt32(truncatingIfNeeded: payload.count)); local.le32(UInt32(truncatingIfNeeded: e.data.count))
            local.le16(UInt16(truncatingIfNeeded: name.count)); local.le16(0)
            out += local + name + payload
            central.le32(0x02014b50); central.le16(0x0314); central.le16(20); central.le16(0x0800); central.le16(method)
            central.le16(time); central.le16(date); central.le32(crc); central.le32(UInt32(truncatingIfNeeded: payload.count))
            central.le32(UInt32(truncatingIfNeeded: e.data.count)); central.le16(UInt16(truncatingIfNeeded: name.count))
            central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(isFolder ? (0o40755 << 16) | 0x10 : 0o100644 << 16)
            central.le32(offset)
            central += name
        }
        let centralOffset = UInt32(truncatingIfNeeded: out.count)
        out += central
        var end: [UInt8] = []
        end.le32(0x06054b50); end.le16(0); end.le16(0)
        end.le16(UInt16(truncatingIfNeeded: entries.count)); end.le16(UInt16(truncatingIfNeeded: entries.count))
        end.le32(UInt32(truncatingIfNeeded: central.count)); end.le32(centralOffset); end.le16(0)
        return out + end
    }

    /// MS-DOS time and date (two-second steps, local time).
    static func dosTime(_ date: Date) -> (UInt16, UInt16) {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let day = UInt16(max(0, (c.year ?? 1980) - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        return (time, day)
    }

    static func date(time: UInt16, date: UInt16) -> Date {
        var c = DateComponents()
        c.year = Int(date >> 9) + 1980
        c.month = Int((date >> 5) & 0xF)
        c.day = Int(date & 0x1F)
        c.hour = Int(time >> 11)
        c.minute = Int((time >> 5) & 0x3F)
        c.second = Int(time & 0x1F) * 2
        return Calendar.current.date(from: c) ?? Date()
    }

    // MARK: Reading

    static func read(_ bytes: [UInt8]) throws -> [Entry] {
        guard bytes.count >= 22 else { throw Failure(reason: "the file is too short to be a zip archive") }
        var endOffset = bytes.count - 22
        while endOffset >= 0 && bytes.u32(endOffset) != 0x06054b50 { endOffset -= 1 }
        guard endOffset >= 0 else { throw Failure(reason: "no end of central directory record") }
        let count = Int(bytes.u16(endOffset + 10))
        var p = Int(bytes.u32(endOffset + 16))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard p + 46 <= bytes.count, bytes.u32(p) == 0x02014b50 else { throw Failure(reason: "a damaged central directory") }
            let method = bytes.u16(p + 10)
            let time = bytes.u16(p + 12), date = bytes.u16(p + 14)
            let crc = bytes.u32(p + 16)
            let compressedSize = Int(bytes.u32(p + 20))
            let nameLength = Int(bytes.u16(p + 28)), extraLength = Int(bytes.u16(p + 30)), commentLength = Int(bytes.u16(p + 32))
            let localOffset = Int(bytes.u32(p + 42))
            guard p + 46 + nameLength <= bytes.count else { throw Failure(reason: "a damaged central directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            p += 46 + nameLength + extraLength + commentLength
            guard localOffset + 30 <= bytes.count, bytes.u32(localOffset) == 0x04034b50 else { throw Failure(reason: "a damaged entry \(name)") }
            let dataStart = localOffset + 30 + Int(bytes.u16(localOffset + 26)) + Int(bytes.u16(localOffset + 28))
            guard dataStart + compressedSize <= bytes.count else { throw Failure(reason: "a truncated entry \(name)") }
            let raw = Array(bytes[dataStart..<(dataStart + compressedSize)])
            let data: [UInt8]
            switch method {
            case 0: data = raw
            case 8:
                do { data = try Deflate.decompress(raw) } catch { throw Failure(reason: "the entry \(name) does not decompress") }
            default: throw Failure(reason: "the entry \(name) uses compression method \(method)")
            }
            guard CRC32.checksum(data) == crc else { throw Failure(reason: "the entry \(name) fails its CRC check") }
            entries.append(Entry(name: name.replacingOccurrences(of: "\\", with: "/"), data: data,
                                 modified: ZipArchive.date(time: time, date: date)))
        }
        return entries
    }
}

/// CRC-32 (the IEEE polynomial, reflected), as zip entries carry it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFFFFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFFFFFF
    }
}

private extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    func u16(_ i: Int) -> UInt16 { i + 1 < count ? UInt16(self[i]) | UInt16(self[i + 1]) << 8 : 0 }
    func u32(_ i: Int) -> UInt32 { i + 3 < count ? (0..<4).reduce(0) { $0 | UInt32(self[i + $1]) << (8 * UInt32($1)) } : 0 }
}
