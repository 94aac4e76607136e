import Foundation
import PowerShellRuntime

/// Small helpers the data, file and environment cmdlets share.
extension CommandRuntime {

    /// A parameter of an enum type the runtime does not model: its value matched
    /// case-insensitively against the enum's names (or a number, an index into `names`).
    /// Throws pwsh's binding error for anything else.
    func enumParameter(_ name: String, typeName: String, names: [String]) throws -> String? {
        guard let v = bound[name], !v.isNull else { return nil }
        if case .object(let o) = v, let e = o as? PSEnumValue {
            let t = e.toPSString()
            if let m = names.first(where: { $0.caseInsensitiveCompare(t) == .orderedSame }) { return m }
        }
        let s = text(v).trimmingCharacters(in: .whitespaces)
        if let m = names.first(where: { $0.caseInsensitiveCompare(s) == .orderedSame }) { return m }
        let detail = "Cannot convert value \"\(s)\" to type \"\(typeName)\". Error: \"Unable to match the identifier name \(s) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names.joined(separator: ", "))\""
        let record = makeError(.parameterBindingArgumentTransformationException,
                               "Cannot bind parameter '\(name)'. \(detail)",
                               errorId: "CannotConvertArgumentNoMessage", category: .InvalidArgument, target: .null)
        try throwTerminating(record)
    }
}

/// .NET's text for numbers where it differs from pwsh's display text.
enum DotNetNumberText {
    /// `double.ToString("R", InvariantCulture)` on .NET Core 3.0+: the shortest text that reads
    /// back to the same double, in scientific notation from 1E+15 up and from 1E-05 down.
    static func roundTrip(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Swift's description is also the shortest round-trip text; take its digits and exponent.
        var s = "\(d.magnitude)"
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(s[s.index(after: e)...]) ?? 0
            s = String(s[..<e])
        }
        var intPart = s
        var frac = ""
        if let dot = s.firstIndex(of: ".") {
            intPart = String(s[..<dot])
            frac = String(s[s.index(after: dot)...])
        }
        var digits = intPart + frac
        var pointPos = intPart.count + exp
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPos -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let sciExp = pointPos - 1
        let sign = d < 0 ? "-" : ""
        if sciExp >= 15 || sciExp < -4 {
            var m = String(digits.prefix(1))
            if digits.count > 1 { m += "." + digits.dropFirst() }
            let e = abs(sciExp)
            return sign + m + "E" + (sciExp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if pointPos <= 0 { return sign + "0." + String(repeating: "0", count: -pointPos) + digits }
        if pointPos >= digits.count { return sign + digits + String(repeating: "0", count: pointPos - digits.count) }
        let i = digits.index(digits.startIndex, offsetBy: pointPos)
        return sign + digits[..<i] + "." + digits[i...]
    }

    /// `float.ToString("R")`: as `roundTrip` for the shortest Float text.
    static func roundTrip(_ f: Float) -> String {
        if f.isNaN || f.isInfinite { return roundTrip(Double(f)) }
        return roundTrip(Double("\(f)") ?? Double(f))
    }
}

