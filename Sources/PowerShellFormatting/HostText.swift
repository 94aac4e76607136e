import PowerShellRuntime

/// Text the host writes directly, outside the formatter: Write-Host's line and the stream
/// prefixes.
public enum HostText {
    /// Write-Host's text for its objects: strings as they are, collections (and a hashtable's
    /// entries, `[key, value]`) element by element, everything joined with `separator`.
    public static func writeHost(_ objects: [Value], separator: String = " ", source: FormatValueSource = .basic) -> String {
        var parts: [String] = []
        for o in objects { append(o, to: &parts, source: source, depth: 0) }
        return parts.joined(separator: separator)
    }

    private static func append(_ v: Value, to parts: inout [String], source: FormatValueSource, depth: Int) {
        if depth < 32, case .object(let o) = v {
            if let a = o as? PSArray {
                for item in a.items { append(item, to: &parts, source: source, depth: depth + 1) }
                return
            }
            if let h = o as? PSHashtable {
                for (k, value) in zip(h.keys, h.values) {
                    parts.append("[" + source.toString(k) + ", " + source.toString(value) + "]")
                }
                return
            }
        }
        parts.append(source.toString(v))
    }

    /// `WARNING: text` and the like, as pwsh writes warning, verbose and debug records.
    public static func streamLine(_ prefix: ErrorView.StreamPrefix, _ message: String) -> String {
        prefix.rawValue + message
    }
}
