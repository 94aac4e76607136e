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
    public var parameters: [ParameterDeclaration]
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
