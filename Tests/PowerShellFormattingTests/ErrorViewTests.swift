import XCTest
import PowerShellRuntime
import PowerShellSyntax
@testable import PowerShellFormatting
import TestSupport

/// The ConciseView against the oracle's .err files.
final class ErrorViewTests: XCTestCase {
    /// These tests compare with what pwsh printed: without the oracle they are skipped, saying so.
    override func setUpWithError() throws {
        _ = try SharedEvidence.requireOracle()
    }

    /// A record for an error at `needle` (its first occurrence) in the oracle case's script.
    func record(_ area: String, _ name: String, needle: String, occurrence: Int = 1, message: String, command: String = "",
                category: ErrorCategory = .NotSpecified, thrown: Bool = false, activity: String? = nil) -> ErrorRecord? {
        guard let text = SharedEvidence.oracleText("\(area)/\(name).ps1") else { return nil }
        let src = SourceText(text: text, path: "/tmp/case/\(name).ps1")
        var searchFrom = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let r = text.range(of: needle, range: searchFrom..<text.endIndex) else { return nil }
            found = r
            searchFrom = r.upperBound
        }
        guard let r = found else { return nil }
        let start = text.utf16.distance(from: text.startIndex, to: r.lowerBound)
        let end = start + needle.utf16.count
        let ex = PSExceptionObject(.runtimeException, message)
        let rec = ErrorRecord(exception: ex, errorId: "X", category: category,
                              invocationInfo: InvocationInfo(commandName: command, extent: SourceExtent(source: src, start: start, end: end)))
        rec.fromThrowStatement = thrown
        rec.categoryActivity = activity
        return rec
    }

    func expect(_ r: ErrorRecord?, _ oracle: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let r = r else { return XCTFail("no record", file: file, line: line) }
        assertLines(ErrorView.concise(r), T.oracle(oracle), file: file, line: line)
    }

    func testThrowString() {
        expect(record("errors", "throw-string", needle: "throw 'boom'", message: "boom", thrown: true), "errors/throw-string.err")
    }

    func testCommandNotFoundWraps() {
        let msg = "The term 'Get-NoSuchCommand' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
        expect(record("errors", "command-not-found", needle: "Get-NoSuchCommand", message: msg, command: "Get-NoSuchCommand"), "errors/command-not-found.err")
    }

    func testLongLineIsCut() {
        let needle = "throw \"error on a long line of code that goes past the width\""
        expect(record("errors", "error-long-line", needle: needle, message: "error on a long line of code that goes past the width", thrown: true),
               "errors/error-long-line.err")
    }

    func testTerminatingInPipeline() {
        expect(record("errors", "terminating-in-pipeline", needle: "throw \"item $_ fatal\"", message: "item 2 fatal", thrown: true),
               "errors/terminating-in-pipeline.err")
    }

    func testBindingTypeWraps() {
        let msg = "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\""
        expect(record("errors", "binding-type", needle: "Get-Random -Maximum 'abc'", message: msg, command: "Get-Random"), "errors/binding-type.err")
    }

    func testCategoryNameAsReason() {
        let msg = "Cannot convert value \"not a number\" to type \"System.Int32\". Error: \"The input string 'not a number' was not in a correct format.\""
        expect(record("errors", "cast-error", needle: "[int]'not a number'", message: msg, category: .InvalidArgument), "errors/cast-error.err")
    }

    func testExceptionTypeAsReason() {
        expect(record("errors", "divide-by-zero-literal", needle: "10 / 0", message: "Attempted to divide by zero."), "errors/divide-by-zero-literal.err")
    }

    func testFunctionNameAsReason() {
        expect(record("errors", "write-error-in-function", needle: "Test-WE", occurrence: 2, message: "function error", command: "Test-WE"),
               "errors/write-error-in-function.err")
    }

    func testTeamsLongLineBothEllipses() {
        let msg = "A parameter cannot be found that matches parameter name 'CallingEndtoEndEncryptionEnabledType'."
        guard let r = record("teams", "t07-errors", needle: "-CallingEndtoEndEncryptionEnabledType", message: msg, command: "Grant-CsTeamsEnhancedEncryptionPolicy") else {
            return XCTFail("no record")
        }
        let lines = ErrorView.concise(r)
        let expected = T.oracle("teams/t07-errors.err").map { Array($0.prefix(6)) }
        assertLines(lines, expected)
    }

    func testNoScriptPositionIsOneLine() {
        let ex = PSExceptionObject(.writeErrorException, "plain write-error")
        let r = ErrorRecord(exception: ex, errorId: "Microsoft.PowerShell.Commands.WriteErrorException", category: .NotSpecified)
        r.categoryActivity = "Write-Error"
        assertLines(ErrorView.concise(r), T.oracle("errors/write-error-top.err"))
    }

    func testModuleErrorWrapsWithoutLineBlock() {
        // psget/g02-find: raised inside a .psm1: no Line block, message wrapped as if unprefixed.
        let src = SourceText(text: "function Find-Package {}\n", path: "/root/.local/share/powershell/Modules/PowerShellGet/PSModule.psm1")
        let ex = PSExceptionObject(.exception, "No match was found for the specified search criteria and module name 'NoSuchModule'. Try Get-PSRepository to see all available registered module repositories.")
        let r = ErrorRecord(exception: ex, errorId: "NoMatchFoundForCriteria", category: .ObjectNotFound,
                            invocationInfo: InvocationInfo(commandName: "Find-Package", extent: SourceExtent(source: src, start: 0, end: 8)))
        assertLines(ErrorView.concise(r), T.oracle("psget/g02-find.err"))
    }

    func parse(_ name: String, needle: String, message: String, length: Int? = nil, shift: Int = 0) -> [String] {
        guard let text = SharedEvidence.oracleText("parse/\(name).ps1"),
              let r = text.range(of: needle) else { return ["no source"] }
        let src = SourceText(text: text, path: "/tmp/case/\(name).ps1")
        let start = text.utf16.distance(from: text.startIndex, to: r.lowerBound) + shift
        let e = ParseError(id: "X", message: message, extent: SourceExtent(source: src, start: start, end: start + (length ?? needle.utf16.count)))
        return ErrorView.parseErrors([e])
    }

    func testParseErrors() {
        assertLines(parse("missing-single-quote-terminator", needle: "'unterminated", message: "The string is missing the terminator: '."),
                    T.oracle("parse/missing-single-quote-terminator.err"))
        assertLines(parse("assignment-invalid-target", needle: "1", message: "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property."),
                    T.oracle("parse/assignment-invalid-target.err"))
        assertLines(parse("missing-close-brace", needle: "{", message: "Missing closing '}' in statement block or type definition."),
                    T.oracle("parse/missing-close-brace.err"))
        assertLines(parse("trailing-pipe", needle: "|", message: "An empty pipe element is not allowed.", length: 0, shift: 1),
                    T.oracle("parse/trailing-pipe.err"))
    }

    func testErrorRecordThroughOutDefault() {
        let ex = PSExceptionObject(.writeErrorException, "as object")
        let r = ErrorRecord(exception: ex, errorId: "Microsoft.PowerShell.Commands.WriteErrorException", category: .NotSpecified)
        r.categoryActivity = "Write-Error"
        var err: [String] = []
        var out: [String] = []
        let f = OutputFormatter(width: 80, registry: FormatViewRegistry(), writeError: { err.append($0) }) { out.append($0) }
        f.write(.object(r))
        f.finish()
        XCTAssertEqual(out, [])
        assertLines(err, T.oracle("formatting/error-record-display-in-output.err"))
    }
}
