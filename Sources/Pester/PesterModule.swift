import Foundation
import PowerShellRuntime

/// The built-in Pester module: its commands as data. Pester 5.7.1 is the default; the module
/// layer imports it on `Import-Module Pester` or when one of its commands is first used.
/// (A Pester 4 mode would be a second set of registrations chosen by version here.)
public enum PesterModule {
    public static let name = "Pester"
    public static let version = "5.7.1"
    public static let guid = "a699dea5-2c73-4616-a270-1f7abb777e71"
    public static let description = "Pester provides a framework for running BDD style Tests to execute and validate PowerShell commands inside of PowerShell and offers a powerful set of Mocking Functions that allow tests to mimic and mock the functionality of any command inside of a piece of PowerShell code being tested. Pester tests can execute any command or script that is accessible to a pester test file. This can include functions, Cmdlets, Modules and scripts. Pester can be run in ad hoc style in a console or it can be integrated into the Build scripts of a Continuous Integration system."

    private static let string = "System.String"
    private static let strings = "System.String[]"
    private static let objects = "System.Object[]"
    private static let switchType = "System.Management.Automation.SwitchParameter"
    private static let scriptBlockType = "System.Management.Automation.ScriptBlock"

    private static func p(_ name: String, _ type: String = "System.Object", _ position: Int? = nil, aliases: [String] = [],
                          pipeline: Bool = false, remaining: Bool = false, mandatory: Bool = false,
                          validations: [ParameterValidation] = []) -> ParameterDeclaration {
        ParameterDeclaration(name: name, typeName: type, aliases: aliases,
                             sets: [ParameterSetMembership(position: position, mandatory: mandatory, valueFromPipeline: pipeline,
                                                           valueFromRemainingArguments: remaining)],
                             validations: validations, allowNull: true, allowEmptyString: true, allowEmptyCollection: true)
    }

    private static func r(_ name: String, _ type: Cmdlet.Type, _ params: [ParameterDeclaration], positional: Bool = true) -> CmdletRegistration {
        CmdletRegistration(declaration: CommandDeclaration(name: name, moduleName: self.name, parameters: params, positionalBinding: positional,
                                                           commandType: "Function", version: version),
                           type: type)
    }

    /// The exported commands.
    public static var registrations: [CmdletRegistration] {
        let block: [ParameterDeclaration] = [
            p("Name", string, 0), p("Tag", strings, aliases: ["Tags"]), p("Fixture", scriptBlockType, 1),
            p("Skip", switchType), p("ForEach", objects),
        ]
        let setup = [p("Scriptblock", scriptBlockType, 0, mandatory: true)]
        var should: [ParameterDeclaration] = [
            p("ActualValue", "System.Object", pipeline: true),
            p("Not", switchType),
            p("ExpectedValue", "System.Object", 0, aliases: ["RegularExpression", "ExpectedType", "CommandName", "ExpectedContent", "ParameterName"]),
            p("Because", string),
            p("ExpectedMessage", string), p("ErrorId", string), p("ExceptionType", "System.Object"), p("PassThru", switchType),
            p("Times", "System.Int32", 1), p("Exactly", switchType), p("ParameterFilter", scriptBlockType), p("ExclusiveFilter", scriptBlockType),
            p("ModuleName", string), p("Scope", string),
        ]
        for op in ShouldCommand.operators + ShouldCommand.operatorAliases.keys.sorted() { should.append(p(op, switchType)) }
        return [
            r("Describe", DescribeCommand.self, block),
            r("Context", ContextCommand.self, block),
            r("It", ItCommand.self, [
                p("Name", string, 0), p("Test", scriptBlockType, 1), p("ForEach", objects, aliases: ["TestCases"]),
                p("Tag", strings, aliases: ["Tags"]), p("Skip", switchType), p("Pending", switchType),
            ]),
            r("BeforeAll", SetupCommand.self, setup),
            r("AfterAll", SetupCommand.self, setup),
            r("BeforeEach", SetupCommand.self, setup),
            r("AfterEach", SetupCommand.self, setup),
            r("BeforeDiscovery", BeforeDiscoveryCommand.self, setup),
            r("Should", ShouldCommand.self, should, positional: true),
            r("Mock", MockCommand.self, [
                p("CommandName", string, 0), p("MockWith", scriptBlockType, 1), p("Verifiable", switchType),
                p("ParameterFilter", scriptBlockType, 2), p("ModuleName", string, 3), p("RemoveParameterType", strings),
                p("RemoveParameterValidation", strings),
            ]),
            r("Invoke-PesterMock", InvokePesterMockCommand.self, [
                p("CommandName", string), p("BoundParameters", "System.Object"), p("ArgumentList", objects),
            ]),
            r("Set-ItResult", SetItResultCommand.self, [
                p("Inconclusive", switchType), p("Pending", switchType), p("Skipped", switchType), p("Because", string, 0),
            ]),
            r("InModuleScope", InModuleScopeCommand.self, [
                p("ModuleName", string, 0), p("ScriptBlock", scriptBlockType, 1), p("Parameters", "System.Collections.Hashtable"),
                p("ArgumentList", objects),
            ]),
            r("New-PesterConfiguration", NewPesterConfigurationCommand.self, [p("Hashtable", "System.Collections.IDictionary", 0)]),
            r("Invoke-Pester", InvokePesterCommand.self, [
                p("Path", strings, 0, aliases: ["Script"]), p("ExcludePath", strings), p("TagFilter", strings, aliases: ["Tag", "Tags"]),
                p("ExcludeTagFilter", strings), p("FullNameFilter", strings, aliases: ["Name"]), p("CI", switchType),
                p("Output", string, validations: [.set(["Diagnostic", "Detailed", "Normal", "Minimal", "None"], ignoreCase: true)]),
                p("PassThru", switchType), p("Container", objects), p("Configuration", "System.Object"),
            ], positional: true),
        ]
    }

    public static var commandNames: [String] { registrations.map(\.declaration.name) }
}
