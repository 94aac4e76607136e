import XCTest
@testable import PowerShellSyntax

/// `#Requires` comments read as pwsh's tokenizer reads them (tokenizer.cs at v7.6.5).
final class RequiresTests: XCTestCase {
    /// (script, directives as "Parameter=argument", parse error id or nil).
    func testDirectivesAndErrors() {
        let rows: [(String, [String], String?)] = [
            ("#Requires -Version 7.2", ["Version=7.2"], nil),
            ("#requires -ver 7", ["Version=7.0"], nil),
            ("#Requires -Version 007.02", ["Version=7.2"], nil),
            ("#Requires -PSEdition Core, Desktop", ["PSEdition=Core,Desktop"], nil),
            ("#Requires -RunAsAdministrator", ["RunAsAdministrator="], nil),
            ("#Requires -Modules A, @{ ModuleName = 'B'; ModuleVersion = '1.0' }", ["Modules=A, @{ ModuleName = 'B'; ModuleVersion = '1.0' }"], nil),
            ("#Requires -Version 1.2.3.4.5", [], "RequiresVersionInvalid"),
            ("#Requires -PSEdition Server", ["PSEdition=Server"], "RequiresPSEditionInvalid"),
            ("#Requires -PSEdition Core,core", ["PSEdition=Core"], "RequiresPSEditionValueIsAlreadySpecified"),
            ("#Requires -Version", [], "ParameterRequiresArgument"),
            ("#Requires -RunAsAdministrator yes", ["RunAsAdministrator="], "ParameterCannotHaveArgument"),
            ("#Requires -Modules $m", [], "RequiresArgumentMustBeConstant"),
            ("#Requires -Foo 1", [], "ScriptRequiresInvalidFormat"),
            ("#Requires -Version 7.0 -Version 7.1", ["Version=7.0"], "ParameterAlreadyBound"),
        ]
        for (source, directives, error) in rows {
            let result = Parser.parse(SourceText(text: source + "\n'x'\n"))
            XCTAssertEqual(result.ast.requires.map { "\($0.parameter)=\($0.argument)" }, directives, source)
            XCTAssertEqual(result.errors.first?.id, error, source)
        }
    }
}
