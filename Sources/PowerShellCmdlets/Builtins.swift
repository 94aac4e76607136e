import PowerShellRuntime

/// Installs the built-in commands into a session: every cmdlet family registers its classes
/// against pwsh's recorded declarations, and the start-up aliases are defined.
public enum Builtins {
    /// The cmdlet families; each file of cmdlets contributes one list.
    static var families: [[(String, Cmdlet.Type)]] {
        [OutputCmdlets.all, StreamCmdlets.all, ForEachWhereCmdlets.all, ObjectSelectionCmdlets.all, MeasureCmdlets.all,
         [("Select-String", SelectStringCommand.self)], FormatCmdlets.all, ObjectCmdlets.all, VariableCmdlets.all, CommandCmdlets.all,
         JsonCmdlets.all, CsvCmdlets.all, ContentCmdlets.all, ItemCmdlets.all, LocationCmdlets.all,
         DateCmdlets.all, RandomCmdlets.all, HostCmdlets.all, [("Add-Type", AddTypeCommand.self)], HistoryCmdlets.all,
         PSReadLineCmdlets.all, UtilityCmdlets.all, DriveCmdlets.all, ModuleManifestCmdlets.all, [("Get-Process", GetProcessCommand.self)], TranscriptCmdlets.all, ArchiveCmdlets.all]
    }

    public static func install(into context: ExecutionContext) {
        var registrations: [CmdletRegistration] = []
        for family in families {
            for (name, type) in family {
                if let r = registration(name, type) { registrations.append(r) }
            }
        }
        context.register(registrations)
        CompletionSupport.install(into: context)
        CommandMetadata.install()
        TextEncoding.registerConversion()
        UtilityCmdlets.registerSerializer()
        OutputWiring.install(into: context)
        for (name, definition) in BuiltinAliases.startup {
            context.setAlias(name, definition, options: [.readOnly, .allScope])
        }
        BuiltinFunctions.install(into: context)
    }

    /// Pairs a cmdlet class with pwsh's declaration of it.
    static func registration(_ name: String, _ type: Cmdlet.Type) -> CmdletRegistration? {
        guard let decl = BuiltinDeclarations.declaration(named: name) ?? SourceDeclarations.declaration(named: name)
                ?? PSReadLineDeclarations.declaration(named: name) ?? EverydayDeclarations.declaration(named: name) else {
            assertionFailure("no recorded declaration for \(name)")
            return nil
        }
        return CmdletRegistration(declaration: transformed(decl), type: type)
    }

    /// Parameters pwsh converts with its own ArgumentTransformationAttribute rather than by
    /// type; the binder passes their values through and the cmdlet converts them.
    static let transformedParameters: [String: Set<String>] = [
        // ArgumentToVersionTransformation: `-Version Latest`, `-Version 3`.
        "set-strictmode": ["version"],
    ]

    /// Validation attributes pwsh declares that the recorded declarations do not carry
    /// (commands.json lists ValidateSet only): `[ValidateRange(0, int.MaxValue)]` on
    /// Select-Object's counts (Select-Object.cs) and Get-Content's (Get-Content.Tests.ps1);
    /// Add-Member's ValidateNotePropertyName (AddMember.cs); the ranges of Start-Sleep, Get-Date,
    /// Out-String, Out-File, Format-Wide and Compare-Object (their .cs files at v7.6.5).
    static let validatedParameters: [String: [String: ParameterValidation]] = [
        "select-object": ["first": .range(min: .int(0), max: .int(Int32.max)), "last": .range(min: .int(0), max: .int(Int32.max)),
                          "skip": .range(min: .int(0), max: .int(Int32.max)), "skiplast": .range(min: .int(0), max: .int(Int32.max))],
        // ForEachObjectCommand's [ValidateRange(1, Int32.MaxValue)] ThrottleLimit and
        // [ValidateRange(0, Int32.MaxValue / 1000)] TimeoutSeconds (InternalCommands.cs).
        "foreach-object": ["throttlelimit": .range(min: .int(1), max: .int(Int32.max)),
                           "timeoutseconds": .range(min: .int(0), max: .int(Int32.max / 1000))],
        "get-content": ["totalcount": .range(min: .long(0), max: .long(Int64.max)), "tail": .range(min: .int(0), max: .int(Int32.max))],
        "add-member": ["notepropertyname": .check(AddMemberCommand.notePropertyNameRefusal)],
        // StartSleepCommand.cs: [ValidateRange(0.0, (double)(int.MaxValue / 1000))] and [ValidateRange(0, int.MaxValue)].
        "start-sleep": ["seconds": .range(min: .double(0), max: .double(Double(Int32.max / 1000))),
                        "milliseconds": .range(min: .int(0), max: .int(Int32.max))],
        // GetDateCommand.cs: each date part's range, and the Unix seconds DateTime can hold.
        "get-date": ["year": .range(min: .int(1), max: .int(9999)), "month": .range(min: .int(1), max: .int(12)),
                     "day": .range(min: .int(1), max: .int(31)), "hour": .range(min: .int(0), max: .int(23)),
                     "minute": .range(min: .int(0), max: .int(59)), "second": .range(min: .int(0), max: .int(59)),
                     "millisecond": .range(min: .int(0), max: .int(999)),
                     "unixtimeseconds": .range(min: .long(-62_135_596_800), max: .long(253_402_300_799))],
        // Out-String.cs and Out-File.cs: [ValidateRange(2, int.MaxValue)] on -Width.
        "out-string": ["width": .range(min: .int(2), max: .int(Int32.max))],
        "out-file": ["width": .range(min: .int(2), max: .int(Int32.max))],
        // Format-Wide.cs: [ValidateRange(1, int.MaxValue)] on -Column.
        "format-wide": ["column": .range(min: .int(1), max: .int(Int32.max))],
        // Compare-Object.cs: [ValidateRange(0, int.MaxValue)] on -SyncWindow.
        "compare-object": ["syncwindow": .range(min: .int(0), max: .int(Int32.max))],
        // Get-Error.cs: [ValidateNotNullOrEmpty] InputObject, [ValidateRange(1, int.MaxValue)] Newest.
        "get-error": ["inputobject": .notNullOrEmpty, "newest": .range(min: .int(1), max: .int(Int32.max))],
    ]

    /// Argument transformations pwsh's cmdlets define in their own code.
    static let parameterTransformations: [String: [String: (Value) -> Value]] = [
        "add-member": ["notepropertyname": AddMemberCommand.notePropertyTransformation],
    ]

    /// What a mandatory parameter accepts that the binder refuses by default: pwsh's
    /// [AllowNull], [AllowEmptyString] and [AllowEmptyCollection] on the cmdlets' parameters
    /// (the recorded declarations do not carry them), as in the v7.6.5 sources.
    struct Allowance: OptionSet {
        let rawValue: Int
        static let null = Allowance(rawValue: 1)
        static let emptyString = Allowance(rawValue: 2)
        static let emptyCollection = Allowance(rawValue: 4)
    }

    static let allowances: [String: [String: Allowance]] = [
        "write-output": ["inputobject": [.null, .emptyCollection]],
        "convertto-json": ["inputobject": .null],
        "add-member": ["notepropertyvalue": .null],
        "set-content": ["value": [.null, .emptyCollection]],
        "add-content": ["value": [.null, .emptyCollection]],
        "compare-object": ["referenceobject": .emptyCollection, "differenceobject": .emptyCollection],
        "convertfrom-json": ["inputobject": .emptyString],
        "convertfrom-stringdata": ["stringdata": .emptyString],
        "export-clixml": ["inputobject": .null],
        "foreach-object": ["process": [.null, .emptyCollection], "remainingscripts": [.null, .emptyCollection]],
        "join-path": ["childpath": [.null, .emptyString, .emptyCollection], "additionalchildpath": [.null, .emptyString, .emptyCollection]],
        "join-string": ["separator": .emptyString],
        "new-item": ["name": [.null, .emptyString]],
        "select-string": ["inputobject": [.null, .emptyString]],
        "set-itemproperty": ["value": .null],
        "test-path": ["path": [.null, .emptyString, .emptyCollection], "literalpath": [.null, .emptyString, .emptyCollection]],
        "write-error": ["message": [.null, .emptyString]],
        "write-information": ["messagedata": .null],
        "write-debug": ["message": .emptyString],
        "write-verbose": ["message": .emptyString],
        "write-warning": ["message": .emptyString],
    ]

    static func transformed(_ decl: CommandDeclaration) -> CommandDeclaration {
        let name = decl.name.lowercased()
        let params = transformedParameters[name]
        let validations = validatedParameters[name]
        let transformations = parameterTransformations[name]
        let allowed = allowances[name]
        let attributes = ParameterAttributes.table[name]
        if params == nil && validations == nil && allowed == nil && transformations == nil && attributes == nil { return decl }
        var d = decl
        for i in d.parameters.indices {
            let p = d.parameters[i].name.lowercased()
            if params?.contains(p) == true { d.parameters[i].typeName = "System.Object" }
            // The attributes read from pwsh's source (Generated/ParameterAttributes.swift), unless
            // an entry here says otherwise.
            if let v = validations?[p] {
                d.parameters[i].validations.append(v)
            } else if let generated = attributes?[p]?.validations {
                d.parameters[i].validations += generated
            }
            if let t = transformations?[p] { d.parameters[i].transformation = t }
            if let a = allowed?[p] ?? attributes?[p]?.allowances, !a.isEmpty {
                d.parameters[i].allowNull = a.contains(.null)
                d.parameters[i].allowEmptyString = a.contains(.emptyString)
                d.parameters[i].allowEmptyCollection = a.contains(.emptyCollection)
            }
        }
        return d
    }
}
