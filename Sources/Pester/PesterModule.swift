import Foundation
import PowerShellRuntime

/// The built-in Pester module: its commands as data. Pester 5.7.1 is the default; the module
/// layer imports it on `Import-Module Pester` or when one of its commands is first used.
/// Pester 4.10.1 is the second version, chosen as in pwsh by an import whose version bounds
/// exclude 5 (`Import-Module Pester -MaximumVersion 4.99`, `-RequiredVersion 4.10.1`): its
/// commands have Pester 4's parameters and run with Pester 4's execution model.
public enum PesterModule {
    public static let name = "Pester"
    public static let version = "5.7.1"
    public static let version4 = "4.10.1"
    /// The versions teamsh carries, newest first.
    public static let versions = [version, version4]
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
                p("CommandName", string), p("ModuleName", string), p("BoundParameters", "System.Object"), p("ArgumentList", objects),
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

    /// The commands of one version (`4.10.1` or `5.7.1`).
    public static func registrations(version v: String) -> [CmdletRegistration] {
        v == version4 ? registrations4 : registrations
    }

    /// Switches a session to the version just imported.
    public static func activate(version v: String, in context: ExecutionContext) {
        PesterSession.of(context).major = v == version4 ? 4 : 5
    }

    private static func r4(_ name: String, _ type: Cmdlet.Type, _ params: [ParameterDeclaration], defaultSet: String? = nil) -> CmdletRegistration {
        CmdletRegistration(declaration: CommandDeclaration(name: name, moduleName: self.name, parameters: params, defaultParameterSet: defaultSet,
                                                           commandType: "Function", version: version4),
                           type: type)
    }

    private static func inSet(_ name: String, _ type: String, set: String, position: Int? = nil, aliases: [String] = []) -> ParameterDeclaration {
        ParameterDeclaration(name: name, typeName: type, aliases: aliases, sets: [ParameterSetMembership(setName: set, position: position)],
                             allowNull: true, allowEmptyString: true, allowEmptyCollection: true)
    }

    /// Pester 4.10.1's commands, with the parameters its functions declare.
    static var registrations4: [CmdletRegistration] {
        let block: [ParameterDeclaration] = [
            p("Name", string, 0, mandatory: true), p("Tag", strings, aliases: ["Tags"]), p("Fixture", scriptBlockType, 1),
        ]
        let setup = [p("Scriptblock", scriptBlockType, 1, mandatory: true)]
        var should = Pester4ShouldCommand.declaration { name, type, aliases, pipeline in p(name, type, aliases: aliases, pipeline: pipeline) }
        should.append(p("__Arguments", objects, remaining: true))
        return [
            r4("Describe", Pester4DescribeCommand.self, block),
            r4("Context", Pester4ContextCommand.self, block),
            r4("It", Pester4ItCommand.self, [
                p("Name", string, 0, mandatory: true), p("Test", scriptBlockType, 1), p("TestCases", objects),
                inSet("Pending", switchType, set: "Pending"), inSet("Skip", switchType, set: "Skip", aliases: ["Ignore"]),
            ], defaultSet: "Normal"),
            r4("BeforeAll", Pester4SetupCommand.self, setup),
            r4("AfterAll", Pester4SetupCommand.self, setup),
            r4("BeforeEach", Pester4SetupCommand.self, setup),
            r4("AfterEach", Pester4SetupCommand.self, setup),
            r4("Should", Pester4ShouldCommand.self, should),
            r4("Mock", MockCommand.self, [
                p("CommandName", string, 0), p("MockWith", scriptBlockType, 1), p("Verifiable", switchType),
                p("ParameterFilter", scriptBlockType, 2), p("ModuleName", string, 3), p("RemoveParameterType", strings),
                p("RemoveParameterValidation", strings),
            ]),
            r4("Invoke-PesterMock", InvokePesterMockCommand.self, [
                p("CommandName", string), p("ModuleName", string), p("BoundParameters", "System.Object"), p("ArgumentList", objects),
            ]),
            r4("Assert-MockCalled", AssertMockCalledCommand.self, [
                p("CommandName", string, 0, mandatory: true), p("Times", "System.Int32", 1), p("ParameterFilter", scriptBlockType, 2),
                p("ExclusiveFilter", scriptBlockType), p("ModuleName", string, 3), p("Scope", string, 4), p("Exactly", switchType),
            ]),
            r4("Assert-VerifiableMock", AssertVerifiableMockCommand.self, []),
            r4("Set-ItResult", Pester4SetItResultCommand.self, [
                inSet("Inconclusive", switchType, set: "Inconclusive"), inSet("Pending", switchType, set: "Pending"),
                inSet("Skipped", switchType, set: "Skipped"), p("Because", string),
            ]),
            r4("Set-TestInconclusive", Pester4SetTestInconclusiveCommand.self, [p("Message", string)]),
            r4("InModuleScope", InModuleScopeCommand.self, [
                p("ModuleName", string, 0, mandatory: true), p("ScriptBlock", scriptBlockType, 1, mandatory: true),
            ]),
            r4("In", Pester4InCommand.self, [p("Path", "System.Object", 0), p("Execute", scriptBlockType, 1)]),
            r4("Setup", Pester4TestDriveSetupCommand.self, [
                p("Dir", switchType), p("File", switchType), p("Path", "System.Object", 0), p("Content", "System.Object", 1),
                p("PassThru", switchType),
            ]),
            r4("Invoke-Pester", Pester4InvokeCommand.self, [
                p("Script", objects, 0, aliases: ["Path", "relative_path"]), p("TestName", strings, 1, aliases: ["Name"]),
                p("EnableExit", switchType, 2), p("Tag", strings, 4, aliases: ["Tags"]), p("ExcludeTag", strings), p("PassThru", switchType),
                p("CodeCoverage", objects), p("Strict", switchType), p("OutputFile", string), p("OutputFormat", string),
                p("Quiet", switchType), p("PesterOption", "System.Object"), p("Show", "System.Object"),
            ]),
        ]
    }
}
