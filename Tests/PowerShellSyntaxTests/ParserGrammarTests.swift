import Foundation
import XCTest

/// The grammar file and the parser agree: every production has its `parseXxx` function and every
/// `parseXxx` function has its production (`switch_statement` <-> `parseSwitchStatement`).
final class ParserGrammarTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryProductionHasItsFunctionAndViceVersa() throws {
        let grammar = try String(contentsOf: root.appendingPathComponent("grammar/powershell-subset.ebnf"), encoding: .utf8)
        var productions = Set<String>()
        for line in grammar.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count >= 2, parts[1] == "=", let first = parts.first, first.allSatisfy({ $0.isLowercase || $0 == "_" }) {
                productions.insert(String(first))
            }
        }
        XCTAssertGreaterThan(productions.count, 30)
        let dir = root.appendingPathComponent("Sources/PowerShellSyntax")
        var functions = Set<String>()
        var ruleComments = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasPrefix("Parser") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, line) in lines.enumerated() {
                if let r = line.range(of: "func parse"), let paren = line[r.upperBound...].firstIndex(of: "(") {
                    let name = String(line[r.upperBound..<paren])
                    if name.isEmpty { continue } // the public entry point `parse(_:)`
                    functions.insert(name)
                    // The rule comment must come right before the function (after its doc comment).
                    var j = i - 1
                    var found = false
                    while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                        if lines[j].contains("// G ") && lines[j].contains(" = ") { found = true }
                        j -= 1
                    }
                    if found { ruleComments.insert(name) }
                }
            }
        }
        func camel(_ production: String) -> String {
            production.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        let expected = Set(productions.map(camel))
        XCTAssertEqual(expected.subtracting(functions).sorted(), [], "productions without a parse function")
        XCTAssertEqual(functions.subtracting(expected).sorted(), [], "parse functions without a production")
        XCTAssertEqual(functions.subtracting(ruleComments).sorted(), [], "parse functions not opening with their // G rule")
    }
}
