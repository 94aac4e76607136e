import XCTest
@testable import TeamsTenant

/// SHA-256 against the FIPS 180-4 / NIST example vectors.
final class SHA256Tests: XCTestCase {
    func testNistVectors() {
        let cases: [(message: String, digest: String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ]
        for (message, digest) in cases {
            XCTAssertEqual(HexText.encode(SHA256.hash(utf8: message)), digest, "message \"\(message)\"")
        }
    }

    func testOneMillionA() {
        let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        XCTAssertEqual(HexText.encode(digest), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testIncrementalUpdatesEqualOneShot() {
        let message = Array("The quick brown fox jumps over the lazy dog, again and again and again.".utf8)
        // Split points around the 56- and 64-byte padding boundaries.
        for split in [0, 1, 55, 56, 63, 64, message.count] {
            var hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            XCTAssertEqual(hasher.finalize(), SHA256.hash(message), "split at \(split)")
        }
    }

    func testBlockBoundaryLengths() {
        // 55, 56 and 64 bytes exercise the three padding layouts; digests from sha256sum.
        let cases: [(length: Int, digest: String)] = [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ]
        for (length, digest) in cases {
            let message = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            XCTAssertEqual(HexText.encode(SHA256.hash(message)), digest, "\(length) bytes")
        }
    }

    func testHexRoundTrip() {
        XCTAssertEqual(HexText.decode("00ff10Ab"), [0x00, 0xff, 0x10, 0xab])
        XCTAssertNil(HexText.decode("abc"))
        XCTAssertNil(HexText.decode("zz"))
    }
}
