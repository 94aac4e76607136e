import Foundation

/// The kind of Teams client a party calls from. E2EE works on desktop, mobile and Teams Rooms,
/// not on Teams on the web (facts §7.1).
public enum ClientKind: String, Codable, CaseIterable, Sendable {
    case desktop = "Desktop"
    case mobile = "Mobile"
    case web = "Web"
    case rooms = "Rooms"

    /// A kind by name, case-insensitively (`desktop`, `Rooms`).
    public init?(named name: String) {
        let folded = name.trimmingWhitespace().lowercased()
        guard let match = ClientKind.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }

    public var supportsEndToEndEncryption: Bool { self != .web }

    /// How reasons name the client (`Teams on the web`).
    public var displayName: String {
        switch self {
        case .desktop: return "Teams desktop"
        case .mobile: return "Teams mobile"
        case .web: return "Teams on the web"
        case .rooms: return "Teams Rooms"
        }
    }
}

/// In-call features that E2EE turns off (facts §7.2), by the names Invoke-TeamsSimCallFeature takes.
public enum CallFeature: String, Codable, CaseIterable, Sendable {
    case recording = "Recording"
    case liveCaptions = "LiveCaptions"
    case transcription = "Transcription"
    case transfer = "Transfer"
    case park = "Park"
    case merge = "Merge"
    case addParticipant = "AddParticipant"
    case companion = "Companion"
    case voicemail = "Voicemail"

    /// A feature by name, case-insensitively.
    public init?(named name: String) {
        let folded = name.trimmingWhitespace().lowercased()
        guard let match = CallFeature.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }
}

/// Whether a call is still going.
public enum CallState: String, Codable, Sendable {
    case active = "Active"
    case ended = "Ended"
}

/// One simulated 1:1 call. Its E2EE state, certificates and codes are fixed when it starts: later
/// policy or setting changes apply to new calls only.
public struct Call: Codable, Equatable, Sendable {
    /// A GUID from the world's seeded generator.
    public var callId: String
    /// Caller's and callee's UPNs.
    public var caller: String
    public var callee: String
    public var callerClient: ClientKind
    public var calleeClient: ClientKind
    /// Whether a man in the middle sits between the parties.
    public var intercepted: Bool
    public var endToEndEncrypted: Bool
    /// Why the call is not E2EE; empty when it is.
    public var reason: String
    /// The code the call shows (the caller's view), four groups of five digits; empty without E2EE.
    public var securityCode: String
    /// What each side's client shows. Equal unless the call is intercepted.
    public var callerSecurityCode: String
    public var calleeSecurityCode: String
    /// Per-call endpoint certificates (hex), as drawn from the world's generator.
    public var callerCertificate: String
    public var calleeCertificate: String
    /// The interceptor's certificates presented to the caller and to the callee (empty unless
    /// intercepted).
    public var interceptorCertificates: [String]
    public var state: CallState
    public var startTime: Date
    public var endTime: Date?
    /// 2 for a 1:1 call; AddParticipant makes it a group call.
    public var participantCount: Int
    /// Features used during the call, in order.
    public var featuresUsed: [CallFeature]

    /// `Shield with lock` for E2EE, `Shield` otherwise (what the client's indicator shows).
    public var indicator: String { endToEndEncrypted ? "Shield with lock" : "Shield" }

    /// The features refused while the call is E2EE (none otherwise).
    public var unavailableFeatures: [CallFeature] { endToEndEncrypted ? CallFeature.allCases : [] }
}

/// The 20-digit security code (simulator design, facts §7.4): each endpoint's thumbprint is the
/// SHA-256 of its call certificate; a side's code is SHA-256 over the two thumbprints it sees, in
/// byte order, so both sides agree whatever the call direction; the digest, read as a big-endian
/// integer, is reduced modulo 10^20 and zero-padded.
public enum SecurityCode {
    public static let digitCount = 20

    public static func thumbprint(_ certificate: [UInt8]) -> [UInt8] {
        SHA256.hash(certificate)
    }

    /// The 20 digits one side sees, from its own and its peer's certificate.
    public static func digits(localCertificate: [UInt8], peerCertificate: [UInt8]) -> String {
        let first = thumbprint(localCertificate), second = thumbprint(peerCertificate)
        let ordered = first.lexicographicallyPrecedes(second) ? first + second : second + first
        return decimalDigits(ofBigEndian: SHA256.hash(ordered), count: digitCount)
    }

    /// The lowest `count` decimal digits of a big-endian unsigned integer, zero-padded: repeated
    /// long division by 10, so no 128-bit arithmetic is needed.
    static func decimalDigits(ofBigEndian bytes: [UInt8], count: Int) -> String {
        var number = bytes
        var digits: [UInt8] = []
        for _ in 0..<count {
            var remainder: UInt16 = 0
            for index in number.indices {
                let current = remainder << 8 | UInt16(number[index])
                number[index] = UInt8(current / 10)
                remainder = current % 10
            }
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
        }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// `12345 67890 12345 67890`: the digits in groups of five, as the simulator displays them.
    public static func grouped(_ digits: String) -> String {
        var groups: [String] = []
        var current = ""
        for character in digits {
            current.append(character)
            if current.count == 5 {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }
}
