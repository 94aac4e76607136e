import Foundation

/// The placeholders that let an expected output of `teamsh -Golden` hold values that change from
/// run to run. In `NAME.out` / `NAME.err`, on any line:
/// - `<t>` matches a duration as Pester prints them: `12ms`, `1.05s`, and a time span `00:00:01.25`;
/// - `<guid>` matches a GUID (`8-4-4-4-12` hexadecimal digits);
/// - `<date>` matches a date or date-time: ISO 8601 (`2026-12-07`, `2026-12-07T16:37:00.123Z`,
///   with an offset), `12/7/2026 4:37:00 PM`, or Get-Date's long form
///   (`Monday, December 7, 2026 4:37:00 PM`).
/// Everything else on such a line compares literally. `-Update -Mask` writes expected files
/// with those values already replaced by their placeholders.
enum GoldenMask {
    static let placeholders: [(name: String, pattern: String)] = [
        ("<guid>", "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"),
        ("<date>", "(?:[A-Z][a-z]+, [A-Z][a-z]+ \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M"
            + "|\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?)?"
            + "|\\d{1,2}/\\d{1,2}/\\d{4}(?: \\d{1,2}:\\d{2}:\\d{2}(?: [AP]M)?)?)"),
        ("<t>", "(?:(?<![\\w.:])\\d+(?:\\.\\d+)?(?:ms|s)\\b|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)"),
    ]

    /// True when `actual` is the `expected` line, placeholders matching their kind of value.
    static func matches(_ expected: String, _ actual: String) -> Bool {
        if expected == actual { return true }
        guard expected.contains("<"), let regex = regex(for: expected) else { return false }
        let range = NSRange(actual.startIndex..., in: actual)
        return regex.firstMatch(in: actual, options: [.anchored], range: range).map { $0.range == range } ?? false
    }

    /// Replaces every GUID, date and duration in `text` with its placeholder.
    static func mask(_ text: String) -> String {
        var result = text
        for (name, pattern) in placeholders {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                    withTemplate: NSRegularExpression.escapedTemplate(for: name))
        }
        return result
    }

    nonisolated(unsafe) private static var cache: [String: NSRegularExpression?] = [:]

    /// The expected line as an anchored pattern; nil when it holds no placeholder.
    private static func regex(for line: String) -> NSRegularExpression? {
        if let cached = cache[line] { return cached }
        var pattern = ""
        var rest = Substring(line)
        var found = false
        outer: while !rest.isEmpty {
            for (name, body) in placeholders where rest.hasPrefix(name) {
                pattern += body
                rest = rest.dropFirst(name.count)
                found = true
                continue outer
            }
            let next = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<next]))
            rest = rest[next...]
        }
        let regex = found ? try? NSRegularExpression(pattern: pattern) : nil
        cache[line] = regex
        return regex
    }
}
