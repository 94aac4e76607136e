import Foundation
import PowerShellRuntime

/// `New-PesterConfiguration`'s object: sections (Run, Filter, Output, …) of options, each with
/// Value, Default and Description. Assigning to an option (`$c.Run.Path = './x.Tests.ps1'`)
/// sets its value, as Pester's implicit conversions do.
public final class PesterConfiguration: PSNativeObject {
    public let sections: [(String, PesterConfigSection)]

    public override init() {
        func s(_ name: String, _ options: [(String, Value, String)]) -> (String, PesterConfigSection) {
            (name, PesterConfigSection(name: name, options: options.map { PesterOption(name: $0.0, defaultValue: $0.1, description: $0.2) }))
        }
        let empty = Value.object(PSArray([]))
        sections = [
            s("Run", [
                ("Path", .object(PSArray([.string(".")])), "Directories to be searched for tests, paths directly to test files, or combination of both."),
                ("ExcludePath", empty, "Directories or files to be excluded from the run."),
                ("ScriptBlock", empty, "ScriptBlocks containing tests to be executed."),
                ("Container", empty, "ContainerInfo objects containing tests to be executed."),
                ("TestExtension", .string(".Tests.ps1"), "Filter used to identify test files."),
                ("Exit", .bool(false), "Exit with non-zero exit code when the test run fails. Exit code is always set to `$LASTEXITCODE` even when this option is `$false`. When used together with Throw, throwing an exception is preferred."),
                ("Throw", .bool(false), "Throw an exception when test run fails. When used together with Exit, throwing an exception is preferred."),
                ("PassThru", .bool(false), "Return result object to the pipeline after finishing the test run."),
                ("SkipRun", .bool(false), "Runs the discovery phase but skips run. Use it with PassThru to get object populated with all tests."),
                ("SkipRemainingOnFailure", .string("None"), "Skips remaining tests after failure for selected scope, options are None, Run, Container and Block."),
            ]),
            s("Filter", [
                ("Tag", empty, "Tags of Describe, Context or It to be run."),
                ("ExcludeTag", empty, "Tags of Describe, Context or It to be excluded from the run."),
                ("Line", empty, "Filter by file and scriptblock start line, useful to run parsed tests programmatically to avoid problems with expanded names. Example: 'C:\\tests\\file1.Tests.ps1:37'"),
                ("ExcludeLine", empty, "Exclude by file and scriptblock start line, takes precedence over Line."),
                ("FullName", empty, "Full name of test with -like wildcards, joined by dot. Example: '*.describe Get-Item.test1'"),
            ]),
            s("CodeCoverage", [
                ("Enabled", .bool(false), "Enable CodeCoverage."),
                ("OutputFormat", .string("JaCoCo"), "Format to use for code coverage report. Possible values: JaCoCo, CoverageGutters, Cobertura"),
                ("OutputPath", .string("coverage.xml"), "Path relative to the current directory where code coverage report is saved."),
                ("OutputEncoding", .string("UTF8"), "Encoding of the output file."),
                ("Path", empty, "Directories or files to be used for code coverage, by default the Path(s) from general settings are used, unless overridden here."),
                ("ExcludeTests", .bool(true), "Exclude tests from code coverage. This uses the TestFilter from general configuration."),
                ("RecursePaths", .bool(true), "Will recurse through directories in the Path option."),
                ("CoveragePercentTarget", .double(75), "Target percent of code coverage that you want to achieve, default 75%."),
                ("UseBreakpoints", .bool(true), "EXPERIMENTAL: When false, use Profiler based tracer to do CodeCoverage instead of using breakpoints."),
                ("SingleHitBreakpoints", .bool(true), "Remove breakpoint when it is hit."),
            ]),
            s("TestResult", [
                ("Enabled", .bool(false), "Enable TestResult."),
                ("OutputFormat", .string("NUnitXml"), "Format to use for test result report. Possible values: NUnitXml, NUnit2.5, NUnit3 or JUnitXml"),
                ("OutputPath", .string("testResults.xml"), "Path relative to the current directory where test result report is saved."),
                ("OutputEncoding", .string("UTF8"), "Encoding of the output file."),
                ("TestSuiteName", .string("Pester"), "Set the name assigned to the root 'test-suite' element."),
            ]),
            s("Should", [
                ("ErrorAction", .string("Stop"), "Controls if Should throws on error. Use 'Stop' to throw on error, or 'Continue' to fail at the end of the test."),
                ("DisableV5", .bool(false), "Disables usage of Should-* assertions, that are new in Pester 6."),
            ]),
            s("Debug", [
                ("ShowFullErrors", .bool(false), "Show full errors including Pester internal stack. This property is deprecated, and if set to true it will override Output.StackTraceVerbosity to 'Full'."),
                ("WriteDebugMessages", .bool(false), "Write Debug messages to screen."),
                ("WriteDebugMessagesFrom", .object(PSArray(["Discovery", "Skip", "Mock", "CodeCoverage"].map { .string($0) })), "Write Debug messages from a given source, WriteDebugMessages must be set to true for this to work. You can use like wildcards to get messages from multiple sources, as well as * to get everything."),
                ("ShowNavigationMarkers", .bool(false), "Write paths after every block and test, for easy navigation in VSCode."),
                ("ReturnRawResultObject", .bool(false), "Returns unfiltered result object, this is for development only. Do not rely on this object for additional properties, non-public properties will be renamed without previous notice."),
            ]),
            s("Output", [
                ("Verbosity", .string("Normal"), "The verbosity of output, options are None, Normal, Detailed and Diagnostic."),
                ("StackTraceVerbosity", .string("Filtered"), "The verbosity of stacktrace output, options are None, FirstLine, Filtered and Full."),
                ("CIFormat", .string("Auto"), "The CI format of error output in build logs, options are None, Auto, AzureDevops and GithubActions."),
                ("CILogLevel", .string("Error"), "The CI log level in build logs, options are Error and Warning."),
                ("RenderMode", .string("Auto"), "The mode used to render console output, options are Auto, Ansi, ConsoleColor and Plaintext."),
            ]),
            s("TestDrive", [("Enabled", .bool(true), "Enable TestDrive.")]),
            s("TestRegistry", [("Enabled", .bool(true), "Enable TestRegistry.")]),
        ]
    }

    public func section(_ name: String) -> PesterConfigSection? {
        sections.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// An option's value (`Run.Path`).
    public func value(_ section: String, _ option: String) -> Value {
        self.section(section)?.option(option)?.value ?? .null
    }

    public func set(_ section: String, _ option: String, _ value: Value) {
        self.section(section)?.option(option)?.set(value)
    }

    public func strings(_ section: String, _ option: String) -> [String] {
        let v = value(section, option)
        if v.isNull { return [] }
        if let a = v.array { return a.items.filter { !$0.isNull }.map { Conversion.toString($0) } }
        return [Conversion.toString(v)]
    }

    public func bool(_ section: String, _ option: String) -> Bool { Conversion.toBool(value(section, option)) }

    public func string(_ section: String, _ option: String) -> String { Conversion.toString(value(section, option)) }

    /// Applies a hashtable of sections (`@{ Run = @{ Path = '.' } }`) or another configuration.
    public func merge(_ v: Value) {
        if case .object(let o) = v, let other = o as? PesterConfiguration {
            for (name, s) in other.sections {
                for opt in s.options where opt.isModified { set(name, opt.name, opt.value) }
            }
            return
        }
        guard let h = v.hashtable else { return }
        for (k, sv) in zip(h.keys, h.values) {
            guard let s = section(Conversion.toString(k)) else { continue }
            if let inner = sv.hashtable {
                for (ok, ov) in zip(inner.keys, inner.values) { s.option(Conversion.toString(ok))?.set(ov) }
            } else if case .object(let o) = sv, let cs = o as? PSCustomObject {
                for (n, val) in zip(cs.names, cs.values) { s.option(n)?.set(val) }
            }
        }
    }

    public override var typeFullName: String { "PesterConfiguration" }
    public override var propertyNames: [String] { sections.map { $0.0 } }

    public override func property(_ n: String) -> Value? {
        section(n).map { .object($0) }
    }

    public override func setProperty(_ n: String, _ v: Value) -> Bool {
        guard let s = section(n) else { return false }
        if let h = v.hashtable {
            for (ok, ov) in zip(h.keys, h.values) { s.option(Conversion.toString(ok))?.set(ov) }
        }
        return true
    }

    public override func toPSString() -> String { "PesterConfiguration" }
}

public final class PesterConfigSection: PSNativeObject {
    public let name: String
    public let options: [PesterOption]

    init(name: String, options: [PesterOption]) {
        self.name = name
        self.options = options
    }

    public func option(_ n: String) -> PesterOption? {
        options.first { $0.name.caseInsensitiveCompare(n) == .orderedSame }
    }

    public override var typeFullName: String { "Pester.\(name)Configuration" }
    public override var propertyNames: [String] { options.map(\.name) }

    public override func property(_ n: String) -> Value? {
        option(n).map { .object($0) }
    }

    public override func setProperty(_ n: String, _ v: Value) -> Bool {
        guard let o = option(n) else { return false }
        o.set(v)
        return true
    }

    public override func toPSString() -> String { "Pester.\(name)Configuration" }
}

public final class PesterOption: PSNativeObject {
    public let name: String
    public let defaultValue: Value
    public let optionDescription: String
    public private(set) var value: Value
    public private(set) var isModified = false

    init(name: String, defaultValue: Value, description: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.optionDescription = description
        self.value = defaultValue
    }

    /// Sets the value; an option object assigned to an option copies its value.
    public func set(_ v: Value) {
        if case .object(let o) = v, let other = o as? PesterOption {
            value = other.value
        } else if case .bool = defaultValue {
            value = .bool(Conversion.toBool(v))
        } else if defaultValue.array != nil, v.array == nil, !v.isNull {
            value = .object(PSArray([v]))
        } else {
            value = v
        }
        isModified = true
    }

    public override var typeFullName: String {
        switch defaultValue {
        case .bool: return "Pester.BoolOption"
        case .string: return "Pester.StringOption"
        case .double: return "Pester.DecimalOption"
        default: return "Pester.StringArrayOption"
        }
    }
    public override var propertyNames: [String] { ["Default", "Description", "IsModified", "Value"] }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "value": return value
        case "default": return defaultValue
        case "description": return .string(optionDescription)
        case "ismodified": return .bool(isModified)
        default: return nil
        }
    }

    public override func setProperty(_ n: String, _ v: Value) -> Bool {
        guard n.lowercased() == "value" else { return false }
        set(v)
        return true
    }

    public override func toPSString() -> String {
        let shown = value.array.map { $0.items.map { Conversion.toString($0) }.joined(separator: ", ") } ?? Conversion.toString(value)
        return "\(shown) (\(isModified ? "modified" : "default"))"
    }
}
