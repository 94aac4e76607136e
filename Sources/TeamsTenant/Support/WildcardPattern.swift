/// A case-insensitive PowerShell-style wildcard pattern (`*`, `?`, `[abc]`, `[a-z]`, backtick
/// escapes), the matching the module's `-Filter` uses (`$_.Identity -like $Filter`). Kept here, not
/// borrowed from the PowerShell runtime, because this target imports nothing of PowerShell.
public struct WildcardPattern: Sendable {
    private enum Element: Sendable {
        case literal(Character)
        case anyOne
        case anyRun
        case set([ClosedRange<Character>], negated: Bool)
    }

    private let elements: [Element]

    public init(_ pattern: String) {
        var elements: [Element] = []
        var characters = Array(pattern.lowercased())[...]
        while let character = characters.popFirst() {
            switch character {
            case "*":
                if case .anyRun? = elements.last { continue }
                elements.append(.anyRun)
            case "?":
                elements.append(.anyOne)
            case "`":
                elements.append(.literal(characters.popFirst() ?? "`"))
            case "[":
                if let (set, rest) = WildcardPattern.parseSet(characters) {
                    elements.append(set)
                    characters = rest
                } else {
                    elements.append(.literal("["))
                }
            default:
                elements.append(.literal(character))
            }
        }
        self.elements = elements
    }

    /// `[...]` after its opening bracket; nil when it never closes (then `[` is literal, as in pwsh).
    private static func parseSet(_ input: ArraySlice<Character>) -> (Element, ArraySlice<Character>)? {
        var rest = input
        var negated = false
        if rest.first == "!" { negated = true; rest = rest.dropFirst() }
        var ranges: [ClosedRange<Character>] = []
        while let character = rest.popFirst() {
            if character == "]" { return (.set(ranges, negated: negated), rest) }
            var low = character
            if low == "`", let escaped = rest.popFirst() { low = escaped }
            if rest.first == "-", rest.count >= 2, let high = rest.dropFirst().first, high != "]" {
                rest = rest.dropFirst(2)
                ranges.append(low <= high ? low...high : high...low)
            } else {
                ranges.append(low...low)
            }
        }
        return nil
    }

    /// Whether the whole of `text` matches (case-insensitively).
    public func matches(_ text: String) -> Bool {
        let characters = Array(text.lowercased())
        // Classic two-pointer match with backtracking to the last `*`: linear in practice.
        var textIndex = 0, patternIndex = 0
        var starPattern = -1, starText = 0
        while textIndex < characters.count {
            if patternIndex < elements.count, elementMatches(elements[patternIndex], characters[textIndex]) {
                textIndex += 1
                patternIndex += 1
            } else if patternIndex < elements.count, case .anyRun = elements[patternIndex] {
                starPattern = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if starPattern >= 0 {
                patternIndex = starPattern + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < elements.count, case .anyRun = elements[patternIndex] { patternIndex += 1 }
        return patternIndex == elements.count
    }

    private func elementMatches(_ element: Element, _ character: Character) -> Bool {
        switch element {
        case .literal(let expected): return expected == character
        case .anyOne: return true
        case .anyRun: return false
        case .set(let ranges, let negated): return ranges.contains { $0.contains(character) } != negated
        }
    }
}
