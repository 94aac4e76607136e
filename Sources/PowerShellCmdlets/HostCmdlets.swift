import Foundation
import PowerShellRuntime

/// Read-Host, Get-Credential, the SecureString conversions, Get-Culture, Get-Host, Clear-Host.
enum HostCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Read-Host", ReadHostCommand.self),
        ("Get-Credential", GetCredentialCommand.self),
        ("ConvertTo-SecureString", ConvertToSecureStringCommand.self),
        ("ConvertFrom-SecureString", ConvertFromSecureStringCommand.self),
        ("Get-Culture", GetCultureCommand.self),
        ("Get-Host", GetHostCommand.self),
        ("Clear-Host", ClearHostCommand.self),
    ]

    /// The terminating error pwsh raises when a prompt is needed under -NonInteractive.
    static func nonInteractiveError(_ rt: CommandRuntime) -> ErrorRecord {
        rt.makeError(.psInvalidOperationException,
                     "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                     errorId: "InvalidOperation", category: .InvalidOperation)
    }
}

/// `Read-Host [[-Prompt] <Object>] [-AsSecureString] [-MaskInput]`: one line from the host.
final class ReadHostCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if rt.context.nonInteractive { try rt.throwTerminating(HostCmdlets.nonInteractiveError(rt)) }
        if let p = rt.bound["Prompt"], !p.isNull {
            let items = p.array?.items ?? [p]
            rt.context.outDefaultFlush()
            rt.context.host.writeOutput(items.map { rt.text($0) }.joined(separator: " ") + ": ")
        }
        // Secret input is typed masked (pwsh's ReadLineAsSecureString shows `*` per character).
        let masked = rt.bound.isOn("AsSecureString") || rt.bound.isOn("MaskInput")
        let read = rt.context.host.readLine(masked: masked)
        try PipelineStop.check()
        let line = read ?? ""
        if rt.bound.isOn("AsSecureString") {
            try rt.writeObject(.object(PSSecureString(line)))
        } else {
            try rt.writeObject(.string(line))
        }
    }
}

/// `Get-Credential [[-UserName] <string>] [-Message <string>] | [-Credential] <pscredential>`
final class GetCredentialCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if let c = rt.bound["Credential"], !c.isNull {
            try rt.writeObject(c)
            return
        }
        if rt.context.nonInteractive { try rt.throwTerminating(HostCmdlets.nonInteractiveError(rt)) }
        let host = rt.context.host
        rt.context.outDefaultFlush()
        host.writeOutput("\nPowerShell credential request\n\(rt.bound.string("Message") ?? "Enter your credentials.")\n")
        var user = rt.bound.string("UserName") ?? ""
        if user.isEmpty {
            host.writeOutput("User: ")
            user = host.readLine() ?? ""
        }
        host.writeOutput("Password for user \(user): ")
        let password = host.readLine(masked: true) ?? ""
        try PipelineStop.check()
        host.writeOutput("\n")
        try rt.writeObject(.object(PSCredentialObject(userName: user, password: PSSecureString(password))))
    }
}

/// Without a key, pwsh on Linux stores a SecureString as the hex of its UTF-16LE bytes
/// (there is no DPAPI to encrypt with).
enum SecureStringText {
    static func protect(_ plain: String) -> String {
        plain.utf16.map { u -> String in
            let lo = String(u & 0xFF, radix: 16), hi = String(u >> 8, radix: 16)
            return (lo.count == 1 ? "0" + lo : lo) + (hi.count == 1 ? "0" + hi : hi)
        }.joined()
    }

    static func unprotect(_ hex: String) -> String? {
        let chars = Array(hex.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var units: [UInt16] = []
        var i = 0
        while i + 4 <= chars.count {
            guard let lo = UInt16(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16),
                  let hi = UInt16(String(decoding: chars[i + 2..<i + 4], as: UTF8.self), radix: 16) else { return nil }
            units.append(lo | hi << 8)
            i += 4
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// `ConvertTo-SecureString [-String] <string> [-AsPlainText] [-Force]`
final class ConvertToSecureStringCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let s = rt.bound.string("String") else { return }
        if rt.bound.isOn("AsPlainText") {
            try rt.writeObject(.object(PSSecureString(s)))
            return
        }
        if rt.bound.has("Key") || rt.bound.has("SecureKey") {
            try rt.writeError(rt.makeError(.notSupportedException, "Keys are not supported by teamsh's SecureString conversion.",
                                           errorId: "ImportSecureString", category: .NotImplemented, target: .string(s)))
            return
        }
        guard let plain = SecureStringText.unprotect(s) else {
            try rt.writeError(rt.makeError(.formatException, "Input string was not in a correct format.",
                                           errorId: "ImportSecureString", category: .InvalidArgument, target: .string(s)))
            return
        }
        try rt.writeObject(.object(PSSecureString(plain)))
    }
}

/// `ConvertFrom-SecureString [-SecureString] <securestring> [-AsPlainText]`
final class ConvertFromSecureStringCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound["SecureString"], let ss = v.reference as? PSSecureString else { return }
        try rt.writeObject(.string(rt.bound.isOn("AsPlainText") ? ss.plainText : SecureStringText.protect(ss.plainText)))
    }
}

/// `System.Globalization.CultureInfo` for the culture the shell runs in (en-US).
final class CultureInfoObject: PSNativeObject {
    let name: String

    init(name: String = "en-US") {
        self.name = name
    }

    override var typeFullName: String { "System.Globalization.CultureInfo" }
    override var propertyNames: [String] {
        ["Parent", "LCID", "KeyboardLayoutId", "Name", "IetfLanguageTag", "DisplayName", "NativeName", "EnglishName",
         "TwoLetterISOLanguageName", "ThreeLetterISOLanguageName", "ThreeLetterWindowsLanguageName", "IsNeutralCulture", "UseUserOverride", "IsReadOnly"]
    }
    override var defaultDisplayProperties: [String]? { ["LCID", "Name", "DisplayName"] }

    override func property(_ n: String) -> Value? {
        let invariant = name.isEmpty
        switch n.lowercased() {
        case "name", "ietflanguagetag": return .string(name)
        case "lcid", "keyboardlayoutid": return .int(invariant ? 127 : 1033)
        case "displayname", "englishname": return .string(invariant ? "Invariant Language (Invariant Country)" : "English (United States)")
        case "nativename": return .string(invariant ? "Invariant Language (Invariant Country)" : "English (United States)")
        case "twoletterisolanguagename": return .string(invariant ? "iv" : "en")
        case "threeletterisolanguagename": return .string(invariant ? "ivl" : "eng")
        case "threeletterwindowslanguagename": return .string(invariant ? "IVL" : "ENU")
        case "isneutralculture": return .bool(false)
        case "useuseroverride": return .bool(true)
        case "isreadonly": return .bool(true)
        case "parent": return .object(CultureInfoObject(name: invariant ? "" : "en"))
        default: return nil
        }
    }

    override func toPSString() -> String { name }
}

/// `Get-Culture [[-Name] <string[]>]`
final class GetCultureCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if let names = rt.bound.strings("Name") {
            for n in names { try rt.writeObject(.object(CultureInfoObject(name: n))) }
            return
        }
        try rt.writeObject(.object(CultureInfoObject()))
    }
}

/// `Get-Host`: the `$Host` object.
final class GetHostCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try rt.writeObject(rt.context.variableValue("Host") ?? .object(HostInfo()))
    }
}

/// `Clear-Host`: clears a terminal; writes nothing when output is not a terminal.
final class ClearHostCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard rt.context.host.isInteractive else { return }
        rt.context.host.writeOutput("\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }
}
