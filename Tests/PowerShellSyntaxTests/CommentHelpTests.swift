import XCTest
@testable import PowerShellSyntax

/// Comment-based help: which blocks are help, how sections read, where help is found (rows
/// from pwsh's HelpCommentsParser rules and ScriptHelp.Tests.ps1 at v7.6.5).
final class CommentHelpTests: XCTestCase {
    /// (comment text, synopsis expected, nil when the block is not help).
    func testWhichBlocksAreHelp() {
        let rows: [(String, String?)] = [
            // The line before `#>` is part of the section too (sections are trimmed later).
            ("<#\n.SYNOPSIS\nGets x.\n#>", "Gets x.\n\n"),
            ("<#\n  .synopsis\n    Indented.\n#>", "Indented.\n\n"),
            ("<#\n.SYNOPSIS Gets x.\n#>", nil),            // text on the keyword's line
            ("<#\n.AUTHOR\nme\n#>", nil),                  // unknown keyword
            ("<#\nsome text\n.SYNOPSIS\nx\n#>", nil),      // text before the first keyword
            ("<#\n\n.SYNOPSIS\n\n  x\n\n#>", "x\n\n\n"),
            ("# .SYNOPSIS\n#   Line comments.", "Line comments.\n"),
            ("<#\n.DESCRIPTION\nonly\n#>", nil as String?),
        ]
        for (text, synopsis) in rows {
            let info = CommentHelpInfo(commentText: text)
            if text.contains(".DESCRIPTION") {
                XCTAssertNotNil(info, text)
                XCTAssertNil(info?.synopsis, text)
                continue
            }
            XCTAssertEqual(info?.synopsis, synopsis, text)
        }
    }

    func testSectionsKeepRelativeIndentation() {
        let info = CommentHelpInfo(commentText: "<#\n.DESCRIPTION\n    A description\n\n        with indented text.\n.PARAMETER Name\n  The name.\n.PARAMETER name\n  Second one is ignored.\n.LINK\n   https://x.example/a  \n#>")
        XCTAssertEqual(info?.description, "A description\n\n    with indented text.\n")
        XCTAssertEqual(info?.parameters["NAME"], "The name.\n")
        XCTAssertEqual(info?.links, ["https://x.example/a"])
    }

    /// (example text, prompt, code, remarks).
    func testExampleSections() {
        let rows: [(String, String, String, String)] = [
            ("foo bar\n", "PS > ", "foo bar", ""),
            ("PS> Get-Service\nOutput\n\nExplanation.\n\nNext.\n", "PS>", "Get-Service\nOutput", "Explanation.\n\nNext.\n"),
            ("C:\\PS>helpFunc12 bar txt\n\nAdds .txt to bar\n", "C:\\PS>", "helpFunc12 bar txt", "Adds .txt to bar\n"),
        ]
        for (text, prompt, code, remarks) in rows {
            let s = CommentHelpInfo.exampleSections(text)
            XCTAssertEqual(s.prompt, prompt, text)
            XCTAssertEqual(s.code, code, text)
            XCTAssertEqual(s.remarks, remarks, text)
        }
    }

    private func function(_ source: String, _ name: String) -> FunctionDefinitionAst? {
        let result = Parser.parse(SourceText(text: source))
        for s in result.ast.endBlock?.statements ?? [] {
            if case .functionDefinition(let f) = s, f.name == name { return f }
        }
        return nil
    }

    /// (script, function, synopsis expected or nil for no help).
    func testWhereFunctionHelpIsFound() {
        let rows: [(String, String, String?)] = [
            ("<#\n.SYNOPSIS\nabove\n#>\nfunction f {}", "f", "above\n\n"),
            ("<#\n.SYNOPSIS\nabove\n#>\n\nfunction f {}", "f", "above\n\n"),
            ("<#\n.SYNOPSIS\nabove\n#>\n\n\nfunction f {}", "f", nil),
            ("function f {\n  # .SYNOPSIS\n  #   inside\n  param()\n}", "f", "inside\n"),
            ("function f {\n  'code'\n  <#\n  .SYNOPSIS\n  at the end\n  #>\n}", "f", "at the end\n\n"),
            ("function f {\n  # just a comment\n\n  # .SYNOPSIS\n  #   second block\n  'x'\n}", "f", "second block\n"),
            ("function g {}\n<#\n.SYNOPSIS\nfor f\n#>\nfunction f {}", "g", nil),
        ]
        for (source, name, synopsis) in rows {
            guard let f = function(source, name) else { return XCTFail(source) }
            XCTAssertEqual(CommentHelpLocator.help(for: f)?.synopsis, synopsis, source)
        }
    }

    func testParameterComments() {
        let source = "function f {\n# .SYNOPSIS\n#   s\nparam(\n  # first\n  $a,\n  [int]\n  # second\n  $b,\n  $c # third\n)\n}"
        guard let f = function(source, "f") else { return XCTFail() }
        XCTAssertEqual(CommentHelpLocator.help(for: f)?.parameterComments, ["first\n", "second\n", "third\n"])
    }

    func testScriptHelpYieldsToTheFirstFunction() {
        let near = Parser.parse(SourceText(text: "# .SYNOPSIS\n#   function help\nfunction foo {}\n")).ast
        XCTAssertNil(CommentHelpLocator.help(forScript: near))
        let far = Parser.parse(SourceText(text: "# .SYNOPSIS\n#   script help\n\n\nfunction foo {}\n")).ast
        XCTAssertEqual(CommentHelpLocator.help(forScript: far)?.synopsis, "script help\n")
    }
}
