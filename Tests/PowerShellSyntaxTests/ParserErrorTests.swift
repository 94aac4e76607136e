import Foundation
import XCTest
import TestSupport
@testable import PowerShellSyntax
import TestSupport

/// Parse errors: ids, messages, extents and the incomplete-input flag, checked against what
/// pwsh printed (the oracle) and against a table.
final class ParserErrorTests: XCTestCase {
    func errors(_ text: String) -> [ParseError] { Parser.parse(SourceText(text: text)).errors }

    /// Every `oracle/parse` case: the first error pwsh showed (message, line, column, underline
    /// width) is our first error; cases pwsh ran have no parse error.
    func testOracleParseCases() throws {
        let dir = try SharedEvidence.requireOracle().appendingPathComponent("parse")
        var files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        files += ["../cli/parseerr.ps1"]
        var checked = 0
        for file in files.sorted() where file.hasSuffix(".ps1") {
            let url = dir.appendingPathComponent(file)
            guard let script = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let errURL = file.hasPrefix("../") ? dir.appendingPathComponent("../cli/file-parseerror.err") : url.deletingPathExtension().appendingPathExtension("err")
            let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            let found = errors(script)
            checked += 1
            guard err.hasPrefix("ParserError:") else {
                XCTAssertEqual(found.map { $0.id }, [], file)
                continue
            }
            guard let first = found.first else { XCTFail("no error for \(file)"); continue }
            let lines = err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // "   2 |  text" / "     |  ~~~" / "     | message…"
            guard let lineRow = lines.firstIndex(where: { $0.hasPrefix("   ") && $0.contains(" |  ") && $0.first == " " && Int($0.prefix(4).trimmingCharacters(in: .whitespaces)) != nil }) else { continue }
            let lineNo = Int(lines[lineRow].prefix(4).trimmingCharacters(in: .whitespaces)) ?? 0
            let tilde = lines[lineRow + 1]
            let col = (tilde.firstIndex(of: "~").map { tilde.distance(from: tilde.startIndex, to: $0) } ?? 0) - 7
            let width = tilde.filter { $0 == "~" }.count
            let message = lines[(lineRow + 2)...].map { $0.replacingOccurrences(of: "     | ", with: "") }
                .joined(separator: " ").split(separator: " ").joined(separator: " ")
            XCTAssertEqual(first.message.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "), message, file)
            XCTAssertEqual(first.extent.startLine, lineNo, file)
            XCTAssertEqual(first.extent.startColumn, col, file)
            let shownWidth = first.extent.startLine == first.extent.endLine ? max(1, first.extent.end - first.extent.start)
                : first.extent.source.lineText(lineNo).utf16.count - first.extent.startColumn + 1
            XCTAssertEqual(shownWidth, width, file)
        }
        if checked == 0 { print("oracle folder not present; skipped") }
    }

    /// (source, expected ids in order, 1-based column of the first error, incomplete input?)
    func testErrorTable() {
        let rows: [(String, [String], Int, Bool)] = [
            ("if ($x {", ["UnexpectedToken", "MissingEndParenthesisAfterStatement", "MissingEndCurlyBrace"], 8, true),
            ("if ($x) {", ["MissingEndCurlyBrace"], 9, true),
            ("$x = (1 + 2", ["MissingEndParenthesisInExpression"], 12, true),
            ("$x = $(1", ["MissingEndParenthesisInSubexpression"], 9, true),
            ("$x = @{ a = 1", ["MissingEndCurlyBrace"], 8, true),
            ("$x = 'abc", ["TerminatorExpectedAtEndOfString"], 6, true),
            ("$x = \"abc", ["TerminatorExpectedAtEndOfString"], 6, true),
            ("$x = @\"\nabc", ["TerminatorExpectedAtEndOfString"], 6, true),
            ("$x =", ["ExpectedValueExpression"], 5, true),
            ("$x = 1 +", ["ExpectedValueExpression"], 9, true),
            ("Get-A |", ["EmptyPipeElement"], 8, true),
            // A `|` starting a line continues the pipeline above unless a blank (or
            // whitespace-only) line, or a line holding only a backtick, comes between.
            ("'a'\n\n| Get-B", ["EmptyPipeElement"], 1, false),
            ("'a'\n \u{A0}\t\n| Get-B", ["EmptyPipeElement"], 1, false),
            ("'a'\n  `\n  | Get-B", ["EmptyPipeElement"], 3, false),
            ("a &&", ["EmptyPipelineChainElement"], 5, true),
            // SemanticChecks.VisitUsingStatement: an alias is not supported; a namespace is
            // identifiers joined by dots (UsingNamespace.Tests.ps1).
            ("using namespace Foo = System", ["UsingStatementNotSupported"], 1, false),
            ("using namespace ''", ["InvalidNamespaceValue"], 17, false),
            ("using namespace [System]", ["InvalidNamespaceValue"], 17, false),
            ("using namespace ',System'", ["InvalidNamespaceValue"], 17, false),
            ("using namespace 'a.1b'", ["InvalidNamespaceValue"], 17, false),
            ("using namespace System.Text; using namespace _a.b2", [], 0, false),
            // Parser.UsingStatementRule: a name, a string or (for module) a hashtable; a comma,
            // `;` or the end is a missing name, anything else no valid name (for every kind).
            ("using module ,M", ["MissingUsingItemName"], 13, false),
            ("using module", ["MissingUsingItemName"], 13, true),
            ("using module )", ["InvalidValueForUsingItemName"], 14, false),
            ("using module 123", ["InvalidValueForUsingItemName"], 14, false),
            ("using namespace )", ["InvalidValueForUsingItemName"], 17, false),
            // SymbolResolver.VisitUsingStatement: wildcards, and ModuleSpecification's rules for
            // a hashtable (keys, a ModuleName, a version that converts to [version]).
            ("using module fo*", ["WildCardModuleNameError"], 1, false),
            ("using module /a/f?o", ["WildCardModuleNameError"], 1, false),
            ("using module @{ModuleName = 'Fo*'; RequiredVersion = '1.0'}", ["WildCardModuleNameError"], 1, false),
            ("using module @{ Foo = 'Foo' }", ["RequiresModuleInvalid"], 1, false),
            ("using module @{ModuleName = 'M'}", ["RequiresModuleInvalid"], 1, false),
            ("using module @{ModuleVersion = '1.0'}", ["RequiresModuleInvalid"], 1, false),
            ("using module @{ModuleName = 'M'; RequiredVersion = 1. }", ["RequiresModuleInvalid"], 1, false),
            ("using module @{ModuleName = 'M'; F = 1.", ["MissingEndCurlyBrace", "RequiresModuleInvalid"], 16, true),
            ("using module @{ModuleName = 'M'; RequiredVersion = '2.0'}; using module @{ModuleName = 'M'; ModuleVersion = 1.5 }", [], 0, false),
            ("try { 1 }", ["MissingCatchOrFinally"], 10, true),
            ("try { 1 } catch", ["MissingCatchHandlerBlock"], 16, true),
            ("foreach ($x in) { }", ["MissingForeachExpression", "UnexpectedToken"], 15, false),
            ("foreach (x in $y) { }", ["MissingVariableNameAfterForeach", "UnexpectedToken"], 10, false),
            ("while ($true)", ["MissingLoopStatement"], 14, true),
            ("do { } ", ["MissingWhileOrUntilInDoWhile"], 7, true),
            ("switch ($x) { 1 }", ["MissingSwitchStatementClause"], 16, false),
            ("switch -bogus ($x) { 1 {} }", ["InvalidSwitchFlag"], 8, false),
            ("function { }", ["MissingNameAfterKeyword"], 9, false),
            ("function f", ["MissingFunctionBody"], 11, true),
            ("$a.", ["MissingPropertyName"], 3, true),
            ("$a[", ["MissingArrayIndexExpression"], 3, true),
            ("$a[1", ["MissingEndSquareBracket"], 5, true),
            ("$a.M(1", ["MissingEndParenthesisInMethodCall"], 7, true),
            ("-not", ["MissingExpressionAfterOperator"], 5, true),
            ("1 = 2", ["InvalidLeftHandSide"], 1, false),
            ("$x ? 1", ["MissingColonInTernaryExpression"], 7, true),
            ("@{ a }", ["MissingEqualsInHashLiteral"], 5, false),
            ("[int", ["EndSquareBracketExpectedAtEndOfType"], 5, true),
            ("Get-A -Name:", ["ParameterRequiresArgument"], 13, false),
            ("Get-A a,", ["MissingExpression"], 9, true),
            ("$x = 1)", ["UnexpectedToken"], 7, false),
            ("}", ["UnexpectedToken"], 1, false),
            ("<# open", ["MissingTerminatorMultiLineComment"], 1, true),
            ("\"`u{110000}\"", ["InvalidUnicodeEscapeSequenceValue"], 5, false),
            ("\"$x: y\"", ["InvalidVariableReferenceWithDrive"], 2, false),
            ("begin { } bogus", ["MissingNamedBlocks"], 11, false),
            ("$x = @'x\n'@", ["UnexpectedCharactersAfterHereStringHeader"], 8, false),
            ("class C { [int] }", ["IncompleteMemberDefinition"], 17, false),
            ("1 | 2", ["ExpressionsMustBeFirstInPipeline"], 5, false),
            ("a < b", ["RedirectionNotSupported"], 3, false),
            ("using foo", ["MissingUsingStatementDirective"], 6, false),
            ("$x = 0x", [], 0, false),
            // Flow out of finally (SemanticChecks.cs): refused unless a loop inside takes it.
            ("try {} finally { break }", ["ControlLeavingFinally"], 18, false),
            ("try {} finally { foreach ($i in 1) { return } }", ["ControlLeavingFinally"], 38, false),
            (":a while (1) { try {} finally { while (1) { continue a } } }", ["ControlLeavingFinally"], 45, false),
            ("try {} finally { while (1) { break }; switch (1) { 1 { continue } } }", [], 0, false),
            ("try {} finally { function f { return } }", [], 0, false),
            // Class definitions (SemanticChecks.cs, SymbolResolver.cs, VariableAnalysis.cs).
            ("enum E {} enum E {}", ["MemberAlreadyDefined"], 11, false),
            ("class C {} function f { class C {} }", [], 0, false),
            ("class C { hidden hidden $x }", ["DuplicateQualifier"], 18, false),
            ("class C { [int][string]$x }", ["TooManyTypes"], 16, false),
            ("class C { [string] C() {} }", ["ConstructorCantHaveReturnType", "MethodHasCodePathNotReturn"], 11, false),
            ("class C { [void] f() { return 1 } }", ["VoidMethodHasReturn"], 24, false),
            ("class C { f() { $sb = { return 1 } } }", [], 0, false),
            ("class C { [int] f() { return } }", ["NonVoidMethodMissingReturnValue"], 23, false),
            ("class C { [int] f() { 1 } }", ["MethodHasCodePathNotReturn"], 17, false),
            ("class C { [int] f() { if (1) { return 1 } } }", ["MethodHasCodePathNotReturn"], 17, false),
            ("class C { [int] f() { if (1) { return 1 } else { throw 'x' } } }", [], 0, false),
            ("class C { [int] f() { try { return 1 } catch { return 2 } } }", [], 0, false),
            ("class C { [int] f() { try { return 1 } catch [IO.IOException] { return 2 } finally { } } }",
             ["MethodHasCodePathNotReturn"], 17, false),
            ("class C { [int] f() { while (1) { return 1 } } }", ["MethodHasCodePathNotReturn"], 17, false),
            ("class C { [int] f() { do { return 1 } while (1) } }", [], 0, false),
            ("class C { [int] f() { for (;;) { return 1 } } }", [], 0, false),
            ("class C { [int] f() { switch (1) { default { return 1 } } } }", ["MethodHasCodePathNotReturn"], 17, false),
            ("class C { $p; f() { [int]$p = 1 } }", ["MissingThis"], 26, false),
            ("class C { static $p; f() { $p = 1 } }", ["MissingTypeInStaticPropertyAssignment"], 28, false),
            ("class C { $p; f() { $this.p = 1; $script:p = 2; $q = 3 } }", [], 0, false),
            ("class C { f() { param($a) } }", ["ParamBlockNotAllowedInMethod"], 17, false),
            ("class C { f() { process {} } }", ["NamedBlockNotAllowedInMethod"], 17, false),
            ("class C { f() { try {} finally { return } } }", ["ControlLeavingFinally"], 34, false),
            ("class C { f() { :a while (1) { break b } } }", ["LabelNotFound"], 32, false),
            ("class C { f() { continue a } }", ["LabelNotFound"], 17, false),
            ("class C { f() { :a foreach ($i in 1) { while (1) { break A } } } }", [], 0, false),
            ("function f { break a }", [], 0, false),
            // A null-conditional member or index cannot be assigned to.
            ("${x}?.name = 'value'", ["InvalidLeftHandSide"], 1, false),
            ("${x}?[0] = 1", ["InvalidLeftHandSide"], 1, false),
            ("${x}.name = 'value'; ${x}[0] = 1", [], 0, false),
            // A parameter name used twice in one list (CheckForDuplicateParameters).
            ("function f { param($a, [int]$A) }", ["DuplicateFormalParameter"], 29, false),
            ("function f($a, $b) {}", [], 0, false),
            ("class C { f($x, $x) {} }", ["DuplicateFormalParameter"], 17, false),
            // `switch` statements (SwitchStatementRule): no `)` or `{` error after one that says
            // the input ended; an empty clause list is an error.
            ("switch", ["PipelineValueRequired"], 7, true),
            ("switch -abc", ["InvalidSwitchFlag", "PipelineValueRequired"], 8, true),
            ("switch -file", ["MissingFilenameOption"], 13, true),
            ("switch -file a (1)", ["PipelineValueRequired", "MissingCurlyBraceInSwitchStatement"], 16, true),
            ("switch (", ["PipelineValueRequired"], 9, true),
            ("switch ()", ["PipelineValueRequired", "MissingCurlyBraceInSwitchStatement"], 9, true),
            ("switch (\"abc\")  {", ["MissingSwitchConditionExpression"], 18, true),
            ("switch (\"abc\")  { 1", ["MissingSwitchStatementClause"], 20, true),
            ("switch (\"abc\")  { 1 }", ["MissingSwitchStatementClause"], 20, false),
            ("switch (1) {}", ["MissingSwitchConditionExpression"], 13, false),
            ("switch (1) { 1 { 'a' } default { 'b' } }", [], 0, false),
            // `data` statements (DataStatementRule).
            ("data foo", ["MissingStatementBlockForDataSection"], 9, true),
            ("data -abc foo {}", ["InvalidParameterForDataSectionStatement"], 6, false),
            ("data -s ) {}", ["MissingValueForSupportedCommandInDataSectionStatement", "UnexpectedToken"], 8, false),
            ("data -sup a,", ["MissingValueForSupportedCommandInDataSectionStatement"], 13, true),
            ("data -sup a,b", ["MissingStatementBlockForDataSection"], 14, true),
            ("data d -SupportedCommand Get-X, Get-Y { 'x' }", [], 0, false),
            // A named block without its `{` is reported and the list goes on (NamedBlockListRule).
            ("begin process {}", ["MissingNamedStatementBlock"], 6, false),
            ("begin process end clean", ["MissingNamedStatementBlock", "MissingNamedStatementBlock", "MissingNamedStatementBlock",
                                         "MissingNamedStatementBlock"], 6, true),
            // `u{…} escapes (pwsh's ScanUnicodeEscape): each fault where pwsh reports it.
            ("\"`u{}\"", ["InvalidUnicodeEscapeSequence"], 2, false),
            ("\"`u{21x}\"", ["InvalidUnicodeEscapeSequence"], 7, false),
            ("\"`u{1234567}\"", ["TooManyDigitsInUnicodeEscapeSequence"], 11, false),
            ("\"`user\"", ["InvalidUnicodeEscapeSequence"], 2, false),
            ("\"`u{123456", ["MissingUnicodeEscapeSequenceTerminator", "TerminatorExpectedAtEndOfString"], 11, true),
            ("\"`u{1F600} `u{D83D}\"", [], 0, false),
            // An assembly name after the outermost type of a type literal is read and dropped.
            ("[int, mscorlib]", [], 0, false),
            ("[System.Collections.Generic.List[string], System.Private.CoreLib]", [], 0, false),
            // Where an operand is expected a digit before `>` is a number (pwsh's tokenizer).
            ("1..3>variable:a", [], 0, false),
            ("$x + 2>>out.txt", [], 0, false),
        ]
        for (source, ids, column, incomplete) in rows {
            let result = Parser.parse(SourceText(text: source))
            XCTAssertEqual(result.errors.map { $0.id }, ids, source)
            if let first = result.errors.first {
                XCTAssertEqual(first.extent.startColumn, column, source)
                XCTAssertEqual(result.isIncomplete, incomplete, source)
                XCTAssertFalse(first.message.contains("{0}"), source)
            }
        }
    }

    func testMessagesAreFilledIn() {
        XCTAssertEqual(errors("$a = 1 2").first?.message, "Unexpected token '2' in expression or statement.")
        XCTAssertEqual(errors("if ($x {").dropFirst().first?.message, "Missing closing ')' after expression in 'if' statement.")
        XCTAssertEqual(errors("$s = 'x").first?.message, "The string is missing the terminator: '.")
    }
}
