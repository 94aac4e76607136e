/// Commands declare their parameters as data. The binder, `Get-Command -Syntax`, `Get-Help`
/// and tab completion all read this one declaration, for cmdlets and functions alike.

/// How one parameter takes part in one parameter set.
public struct ParameterSetMembership {
    /// The set's name; `__AllParameterSets` for parameters in every set.
    public var setName: String
    /// 0-based position, nil when named only.
    public var position: Int?
    public var mandatory: Bool
    public var valueFromPipeline: Bool
    public var valueFromPipelineByPropertyName: Bool
    public var valueFromRemainingArguments: Bool
    public var helpMessage: String?

    public init(setName: String = ParameterSetMembership.allSets, position: Int? = nil, mandatory: Bool = false,
                valueFromPipeline: Bool = false, valueFromPipelineByPropertyName: Bool = false,
                valueFromRemainingArguments: Bool = false, helpMessage: String? = nil) {
        self.setName = setName
        self.position = position
        self.mandatory = mandatory
        self.valueFromPipeline = valueFromPipeline
        self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
        self.valueFromRemainingArguments = valueFromRemainingArguments
        self.helpMessage = helpMessage
    }

    public static let allSets = "__AllParameterSets"
}

/// A validation attribute on a parameter (`[ValidateSet]`, `[ValidateRange]`, …).
public enum ParameterValidation {
    /// `[ValidateSet('a', 'b', IgnoreCase = $false, ErrorMessage = '…{0}…{1}…')]`
    case set([String], ignoreCase: Bool, errorMessage: String? = nil)
    case range(min: Value, max: Value)
    /// `[ValidateRange('Positive')]` and the other ValidateRangeKind values.
    case rangeKind(ValidateRangeKind)
    case length(min: Int, max: Int)
    case count(min: Int, max: Int)
    /// `[ValidatePattern('re', ErrorMessage = '…{0}…{1}…')]`
    case pattern(String, errorMessage: String? = nil)
    case notNull
    case notNullOrEmpty
    case notNullOrWhiteSpace
    /// `[ValidateScript({ … }, ErrorMessage = '…')]`
    case script(ScriptBlock, errorMessage: String? = nil)
    /// A validation attribute a built-in cmdlet defines in its own code (AddMember.cs's
    /// ValidateNotePropertyName): the message for a value it refuses, nil for one it accepts.
    case check((Value) -> String?)
}

/// One declared parameter.
public struct ParameterDeclaration {
    public var name: String
    /// The .NET type's full name as pwsh reports it (`System.String[]`,
    /// `System.Management.Automation.SwitchParameter`); `System.Object` when untyped.
    public var typeName: String
    public var aliases: [String]
    public var sets: [ParameterSetMembership]
    public var validations: [ParameterValidation]
    public var allowNull: Bool
    public var allowEmptyString: Bool
    public var allowEmptyCollection: Bool
    /// Short help text for Get-Help.
    public var description: String?
    /// Resolved once on first use by the binder.
    public var resolvedType: PSType?
    /// An ArgumentTransformationAttribute a built-in cmdlet defines in its own code (AddMember.cs's
    /// NotePropertyTransformation): applied to an argument before its type is checked.
    public var transformation: ((Value) -> Value)?
    /// `[PSTypeName('My.Type')]`: the argument (each element of a collection) must carry this
    /// name in its PSTypeNames.
    public var psTypeName: String?

    public init(name: String, typeName: String = "System.Object", aliases: [String] = [],
                sets: [ParameterSetMembership] = [ParameterSetMembership()], validations: [ParameterValidation] = [],
                allowNull: Bool = false, allowEmptyString: Bool = false, allowEmptyCollection: Bool = false,
                description: String? = nil) {
        self.name = name
        self.typeName = typeName
        self.aliases = aliases
        self.sets = sets
        self.validations = validations
        self.allowNull = allowNull
        self.allowEmptyString = allowEmptyString
        self.allowEmptyCollection = allowEmptyCollection
        self.description = description
    }

    public var isSwitch: Bool { typeName == "System.Management.Automation.SwitchParameter" }

    /// The ValidateSet values, if any (for completion and help).
    public var validValues: [String]? {
        for v in validations { if case .set(let values, _, _) = v { return values } }
        return nil
    }
}

/// Everything a command declares about itself.
public struct CommandDeclaration {
    public var name: String
    /// `Microsoft.PowerShell.Utility`, `MicrosoftTeams`, or "" for script functions.
    public var moduleName: String
    public var parameters: [ParameterDeclaration] {
        didSet { lookup = ParameterLookup() }
    }
    /// The binder's index of the parameters, built on first use and shared by copies of this
    /// declaration until one of them changes its parameters.
    var lookup = ParameterLookup()
    public var defaultParameterSet: String?
    public var outputTypes: [String]
    /// Cmdlets and advanced functions get the common parameters.
    public var supportsCommonParameters: Bool
    public var supportsShouldProcess: Bool
    /// `[CmdletBinding(ConfirmImpact = 'High')]`: None, Low, Medium (default) or High.
    public var confirmImpact: String = "Medium"
    /// `[CmdletBinding(PositionalBinding=$false)]`
    public var positionalBinding: Bool
    public var helpUri: String?
    public var synopsis: String?
    /// The .NET class name that ends FullyQualifiedErrorIds (`Microsoft.PowerShell.Commands.GetItemCommand`).
    public var implementingTypeName: String?
    /// `Cmdlet` or `Function` (what Get-Command reports).
    public var commandType: String
    /// The module version Get-Command reports.
    public var version: String
    /// pwsh's own `Get-Command -Syntax` text when recorded; otherwise generated from the parameters.
    public var syntax: String?
    /// Comment-based help (`.SYNOPSIS`, `.DESCRIPTION`, `.PARAMETER`, `.EXAMPLE`) written for a
    /// compiled command that has no help files; Get-Help shows it as it shows a function's.
    public var helpText: String?
    /// An attribute of the parameters that could not be built (`[ValidateRange(2, 1)]`): pwsh
    /// raises it when the command is bound, not when it is defined.
    public var metadataError: RuntimeError?

    public init(name: String, moduleName: String = "", parameters: [ParameterDeclaration] = [], defaultParameterSet: String? = nil,
                outputTypes: [String] = [], supportsCommonParameters: Bool = true, supportsShouldProcess: Bool = false,
                positionalBinding: Bool = true, helpUri: String? = nil, synopsis: String? = nil, implementingTypeName: String? = nil,
                commandType: String = "Function", version: String = "", syntax: String? = nil, helpText: String? = nil) {
        self.name = name
        self.moduleName = moduleName
        self.parameters = parameters
        self.defaultParameterSet = defaultParameterSet
        self.outputTypes = outputTypes
        self.supportsCommonParameters = supportsCommonParameters
        self.supportsShouldProcess = supportsShouldProcess
        self.positionalBinding = positionalBinding
        self.helpUri = helpUri
        self.synopsis = synopsis
        self.implementingTypeName = implementingTypeName
        self.commandType = commandType
        self.version = version
        self.syntax = syntax
        self.helpText = helpText
    }

    /// All parameter set names in declaration order.
    public var parameterSetNames: [String] {
        var names: [String] = []
        for p in parameters {
            for s in p.sets where s.setName != ParameterSetMembership.allSets && !names.contains(s.setName) {
                names.append(s.setName)
            }
        }
        return names
    }

    /// The binder's index of this declaration's parameters (see `ParameterLookup`).
    var parameterLookup: ParameterLookup {
        lookup.build(parameters)
        return lookup
    }

    /// The common parameters every cmdlet and advanced function accepts, in pwsh's order.
    public static let commonParameters: [ParameterDeclaration] = [
        ParameterDeclaration(name: "Verbose", typeName: "System.Management.Automation.SwitchParameter", aliases: ["vb"]),
        ParameterDeclaration(name: "Debug", typeName: "System.Management.Automation.SwitchParameter", aliases: ["db"]),
        ParameterDeclaration(name: "ErrorAction", typeName: "System.Management.Automation.ActionPreference", aliases: ["ea"]),
        ParameterDeclaration(name: "WarningAction", typeName: "System.Management.Automation.ActionPreference", aliases: ["wa"]),
        ParameterDeclaration(name: "InformationAction", typeName: "System.Management.Automation.ActionPreference", aliases: ["infa"]),
        ParameterDeclaration(name: "ProgressAction", typeName: "System.Management.Automation.ActionPreference", aliases: ["proga"]),
        ParameterDeclaration(name: "ErrorVariable", typeName: "System.String", aliases: ["ev"]),
        ParameterDeclaration(name: "WarningVariable", typeName: "System.String", aliases: ["wv"]),
        ParameterDeclaration(name: "InformationVariable", typeName: "System.String", aliases: ["iv"]),
        ParameterDeclaration(name: "OutVariable", typeName: "System.String", aliases: ["ov"]),
        ParameterDeclaration(name: "OutBuffer", typeName: "System.Int32", aliases: ["ob"]),
        ParameterDeclaration(name: "PipelineVariable", typeName: "System.String", aliases: ["pv"]),
    ]

    /// `-WhatIf` and `-Confirm`, for commands that support ShouldProcess.
    public static let shouldProcessParameters: [ParameterDeclaration] = [
        ParameterDeclaration(name: "WhatIf", typeName: "System.Management.Automation.SwitchParameter", aliases: ["wi"]),
        ParameterDeclaration(name: "Confirm", typeName: "System.Management.Automation.SwitchParameter", aliases: ["cf"]),
    ]
}

/// What the binder looks a declaration's parameters up by, worked out once: their lower-cased
/// names and aliases, and the parameter set names. Binding a command happens on every call, so
/// none of this is recomputed per call.
final class ParameterLookup {
    private(set) var isBuilt = false
    /// Lower-cased name → index in `parameters`.
    private(set) var byName: [String: Int] = [:]
    /// Lower-cased alias → index in `parameters`.
    private(set) var byAlias: [String: Int] = [:]
    /// Lower-cased names in declaration order.
    private(set) var lowerNames: [String] = []
    private(set) var setNames: [String] = []

    func build(_ parameters: [ParameterDeclaration]) {
        if isBuilt { return }
        isBuilt = true
        for (i, p) in parameters.enumerated() {
            let lower = p.name.lowercased()
            lowerNames.append(lower)
            if byName[lower] == nil { byName[lower] = i }
            for a in p.aliases where byAlias[a.lowercased()] == nil { byAlias[a.lowercased()] = i }
            for s in p.sets where s.setName != ParameterSetMembership.allSets && !setNames.contains(s.setName) {
                setNames.append(s.setName)
            }
        }
    }

    /// The parameter sets a binding can end in, and which of them each parameter belongs to.
    struct SetTable {
        /// The declared sets in declaration order, then a default set no parameter names.
        var names: [String] = []
        /// Per parameter, a bit per set of `names` it belongs to (every bit for a parameter of
        /// all sets).
        var membership: [UInt64] = []
        /// Every set's bit.
        var all: UInt64 = 0
    }
    private var setTable: SetTable?
    private var setTableDefault: String?
    /// Per set name, the positions of the parameters mandatory in it.
    private var mandatoryBySet: [String: [Int]] = [:]

    /// The set table for a default set name (the declaration's, which can change apart from
    /// its parameters). A command of more than 64 sets (none of pwsh's) has no bits; the
    /// binder compares its set names instead.
    func sets(_ parameters: [ParameterDeclaration], defaultSet: String?) -> SetTable {
        build(parameters)
        if let t = setTable, setTableDefault == defaultSet { return t }
        var t = SetTable()
        t.names = setNames
        if let d = defaultSet, !d.isEmpty, !t.names.contains(d) { t.names.append(d) }
        let count = min(t.names.count, 64)
        t.all = count == 64 ? UInt64.max : (1 << UInt64(count)) - 1
        for p in parameters {
            var bits: UInt64 = 0
            if t.names.count > 64 || p.sets.contains(where: { $0.setName == ParameterSetMembership.allSets }) {
                bits = t.all
            } else {
                for (i, name) in t.names.enumerated() where p.sets.contains(where: { $0.setName == name }) { bits |= 1 << UInt64(i) }
            }
            t.membership.append(bits)
        }
        setTable = t
        setTableDefault = defaultSet
        return t
    }

    /// The parameters mandatory in a set (their membership of that set, or else of all sets,
    /// says so, as `ParameterBinder.membership` reads it).
    func mandatory(in set: String, _ parameters: [ParameterDeclaration]) -> [Int] {
        if let m = mandatoryBySet[set] { return m }
        var m: [Int] = []
        for (i, p) in parameters.enumerated() {
            let membership = p.sets.first { $0.setName == set } ?? p.sets.first { $0.setName == ParameterSetMembership.allSets }
            if membership?.mandatory == true { m.append(i) }
        }
        mandatoryBySet[set] = m
        return m
    }

    /// The lookup of the common parameters, then the ShouldProcess ones.
    static let common: ParameterLookup = {
        let l = ParameterLookup()
        l.build(CommandDeclaration.commonParameters + CommandDeclaration.shouldProcessParameters)
        return l
    }()
}
