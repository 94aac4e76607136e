import Foundation
import XCTest
@testable import PowerShellSyntax

/// Tokens for tricky inputs, and inputs that must not crash, hang or blow the stack.
final class LexerAndRobustnessTests: XCTestCase {
    func kinds(_ text: String, _ mode: LexMode) -> [TokenKind] {
        Lexer(source: SourceText(text: text)).tokenize(mode: mode).map { $0.kind }
    }

    func testTokenKinds() {
        let rows: [(String, LexMode, [TokenKind])] = [
            ("$a -eq 1", .expression, [.Variable, .Ieq, .Number, .EndOfInput]),
            ("$a -ceq 'x'", .expression, [.Variable, .Ceq, .StringLiteral, .EndOfInput]),
            ("@{ } @( ) $( )", .expression, [.AtCurly, .RCurly, .AtParen, .RParen, .DollarParen, .RParen, .EndOfInput]),
            ("a -Name x", .argument, [.Generic, .Parameter, .Generic, .EndOfInput]),
            ("-5 --% x", .argument, [.Number, .Generic, .Generic, .EndOfInput]),
            ("if else foreach", .command, [.If, .Else, .Foreach, .EndOfInput]),
            ("if", .expression, [.Identifier, .EndOfInput]),
            (":label", .command, [.Label, .EndOfInput]),
            ("2>&1 *>> x 3> y", .argument, [.Redirection, .Redirection, .Generic, .Redirection, .Generic, .EndOfInput]),
            ("a && b || c | d &", .command, [.Generic, .AndAnd, .Generic, .OrOr, .Generic, .Pipe, .Generic, .Ampersand, .EndOfInput]),
            ("$x ??= 1 ?? 2", .expression, [.Variable, .QuestionQuestionEquals, .Number, .QuestionQuestion, .Number, .EndOfInput]),
            ("1..2", .expression, [.Number, .DotDot, .Number, .EndOfInput]),
            ("1..2", .argument, [.Generic, .EndOfInput]),
            ("a`\nb", .argument, [.Generic, .EndOfInput]), // pwsh: an escaped newline stays inside a bareword
            ("a `\nb", .argument, [.Generic, .Generic, .EndOfInput]),
            ("x # c\ny", .argument, [.Generic, .NewLine, .Generic, .EndOfInput]),
            ("[int]::x", .expression, [.LBracket, .Identifier, .RBracket, .ColonColon, .Identifier, .EndOfInput]),
            ("++ -- += -= *= /= %=", .expression, [.PlusPlus, .MinusMinus, .PlusEquals, .MinusEquals, .MultiplyEquals, .DivideEquals, .RemainderEquals, .EndOfInput]),
        ]
        for (text, mode, expected) in rows {
            XCTAssertEqual(kinds(text, mode), expected, text)
        }
    }

    func testVariableTokens() {
        let rows: [(String, String, String?)] = [
            ("$x", "x", nil), ("$script:x", "x", "script"), ("${a b}", "a b", nil), ("$env:PATH", "PATH", "env"),
            ("$x?", "x?", nil), ("$_", "_", nil), ("$$", "$", nil), ("$?", "?", nil), ("$^", "^", nil), ("${env:A}", "A", "env"),
        ]
        for (text, name, scope) in rows {
            let t = Lexer(source: SourceText(text: text)).scan(at: 0, mode: .expression)
            guard case .variable(let n, let s, _) = t.value else { XCTFail(text); continue }
            XCTAssertEqual(n, name, text)
            XCTAssertEqual(s, scope, text)
        }
    }

    func testRequiresLines() {
        let r = Parser.parse(SourceText(text: "#Requires -Version 7.2\n#requires -Modules MicrosoftTeams, Pester\n'x'"))
        XCTAssertEqual(r.ast.requires.map { $0.parameter + "=" + $0.argument }, ["Version=7.2", "Modules=MicrosoftTeams, Pester"])
    }

    /// Garbage must parse to some tree and errors, without trapping or hanging.
    func testGarbageDoesNotCrash() {
        let pieces = ["(", ")", "{", "}", "[", "]", "@{", "@(", "$(", "\"", "'", "@\"\n", "\"@", "`", "$", "@", "|", "||", "&&", "&",
                      ";", ",", ".", "::", "?", ":", "=", "+=", "-", "--", "-x", "-eq", "++", "if", "else", "switch", "function", "class",
                      "param", "try", "catch", "foreach", "in", "1", "0x", "1e", "1kb", "x", "$x", "${", "#", "<#", "\n", " ", ">", "2>&1",
                      "--%", "[int]", "[a[", "`u{", "<", "!", "..", "${}", "default", "do", "while", "until", "trap", "enum", "using"]
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(next() % 25) { text += pieces[next() % pieces.count] }
            _ = Parser.parse(SourceText(text: text))
        }
    }

    func testDeepNestingReportsInsteadOfOverflowing() {
        for opener in ["(", "$(", "@(", "{", "@{a=", "[int]$(", "-", "!", ",", "\"$("] {
            let text = String(repeating: opener, count: 3000)
            let r = Parser.parse(SourceText(text: text))
            XCTAssertFalse(r.errors.isEmpty, opener)
        }
        let r = Parser.parse(SourceText(text: String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)))
        XCTAssertEqual(r.errors.first?.id, "ScriptTooComplicated")
    }

    func testLargeScriptParsesQuickly() {
        var text = ""
        for i in 0..<10_000 {
            text += "$x\(i) = Get-Thing -Name \"item $i\" | Where-Object { $_.Value -gt \(i) } # note\n"
        }
        let start = Date()
        let r = Parser.parse(SourceText(text: text))
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(r.errors.count, 0)
        XCTAssertEqual(r.ast.endBlock?.statements.count, 10_000)
        XCTAssertLessThan(elapsed, 5.0, "10k lines took \(elapsed)s") // debug build; release is far faster
        print("10k lines parsed in \(elapsed)s")
    }
}
