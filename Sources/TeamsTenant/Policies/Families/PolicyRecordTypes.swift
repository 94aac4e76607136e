/// The element types of the object-list settings (catalog §6): apps the app setup and app
/// permission policies list, and a dial plan's normalization rules. Their texts (`Id=…;Order=1`)
/// follow the Get-CsTeamsAppSetupPolicy examples of the cmdlet docs.
extension PolicyRecordType {
    static let coreNamespace = "Microsoft.Teams.Policy.Administration.Cmdlets.Core."

    /// An app named by its id, optionally with its place in a bar.
    static func app(_ shortName: String, ordered: Bool) -> PolicyRecordType {
        PolicyRecordType(
            typeName: coreNamespace + shortName,
            fields: ordered ? [PolicyRecordField("Id"), PolicyRecordField("Order", .integer)] : [PolicyRecordField("Id")],
            keyField: "Id", constructors: ordered ? [["Id"], ["Id", "Order"]] : [["Id"]])
    }

    public static let appPreset = app("AppPreset", ordered: false)
    public static let pinnedApp = app("PinnedApp", ordered: true)
    public static let pinnedMessageBarApp = app("PinnedMessageBarApp", ordered: true)
    public static let appPresetMeeting = app("AppPresetMeeting", ordered: false)
    // NOTE: the fields of AdditionalCustomizationApp beyond its Id are not known.
    public static let additionalCustomizationApp = app("AdditionalCustomizationApp", ordered: false)
    public static let pinnedCallingBarApp = app("PinnedCallingBarApp", ordered: true)
    public static let defaultCatalogApp = app("DefaultCatalogApp", ordered: false)
    public static let globalCatalogApp = app("GlobalCatalogApp", ordered: false)
    public static let privateCatalogApp = app("PrivateCatalogApp", ordered: false)

    /// A dial plan's normalization rule, as New-CsVoiceNormalizationRule -InMemory makes it:
    /// the Core view's properties (Identity, Priority, Description, Pattern, Translation, Name,
    /// IsInternalExtension); its text leaves out Identity and Priority.
    // NOTE: the type name of rules inside a proxy dial plan object is not known; teamsh uses the
    // Core type, whose list view the facts read.
    public static let normalizationRule = PolicyRecordType(
        typeName: coreNamespace + "NormalizationRule",
        fields: [
            PolicyRecordField("Identity", inText: false), PolicyRecordField("Priority", .integer, inText: false),
            PolicyRecordField("Description", default: ""), PolicyRecordField("Pattern", default: ""),
            PolicyRecordField("Translation", default: ""), PolicyRecordField("Name", default: ""),
            PolicyRecordField("IsInternalExtension", .boolean, default: false),
        ],
        keyField: "Name")
}
