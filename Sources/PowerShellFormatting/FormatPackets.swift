import PowerShellRuntime

/// A property as Format-Table / Format-List / Format-Wide / -GroupBy take it: a name (wildcards
/// allowed) or a calculated property (`@{ Label = 'X'; Expression = { … }; Width = 10;
/// Alignment = 'Right'; FormatString = 'N2' }`).
public struct PropertySpec {
    public var expression: FormatExpression
    public var label: String?
    public var width: Int?
    public var alignment: Alignment?
    public var formatString: String?

    public init(_ expression: FormatExpression, label: String? = nil, width: Int? = nil, alignment: Alignment? = nil, formatString: String? = nil) {
        self.expression = expression
        self.label = label
        self.width = width
        self.alignment = alignment
        self.formatString = formatString
    }

    /// A property by name (wildcards allowed).
    public static func name(_ n: String) -> PropertySpec { PropertySpec(.property(n)) }

    /// A calculated property.
    public static func calculated(label: String, width: Int? = nil, alignment: Alignment? = nil, formatString: String? = nil,
                                  _ expression: @escaping (Value) throws -> Value) -> PropertySpec {
        PropertySpec(.script(expression), label: label, width: width, alignment: alignment, formatString: formatString)
    }

    var hasWildcard: Bool {
        if case .property(let n) = expression { return n.contains("*") || n.contains("?") || n.contains("[") }
        return false
    }
}

/// The parameters the Format-* cmdlets share (pwsh's FormattingCommandLineParameters).
public struct FormatOptions {
    public var properties: [PropertySpec]?
    public var excludeProperties: [String]?
    public var groupBy: PropertySpec?
    public var viewName: String?
    public var autoSize: Bool?
    public var hideTableHeaders: Bool?
    /// Format-Table -Wrap.
    public var wrap: Bool?
    public var repeatHeader: Bool
    /// Format-Wide -Column.
    public var columns: Int?
    /// -Force: format out-of-band objects (strings, errors) with the requested shape too.
    public var force: Bool
    /// -Expand EnumOnly / CoreOnly / Both.
    public var expand: EnumerableExpansion?

    public init(properties: [PropertySpec]? = nil, excludeProperties: [String]? = nil, groupBy: PropertySpec? = nil, viewName: String? = nil,
                autoSize: Bool? = nil, hideTableHeaders: Bool? = nil, wrap: Bool? = nil, repeatHeader: Bool = false,
                columns: Int? = nil, force: Bool = false, expand: EnumerableExpansion? = nil) {
        self.properties = properties
        self.excludeProperties = excludeProperties
        self.groupBy = groupBy
        self.viewName = viewName
        self.autoSize = autoSize
        self.hideTableHeaders = hideTableHeaders
        self.wrap = wrap
        self.repeatHeader = repeatHeader
        self.columns = columns
        self.force = force
        self.expand = expand
    }
}

/// Format-* -Expand.
public enum EnumerableExpansion {
    case enumOnly, coreOnly, both
}

/// One column of a table as the writer sees it.
struct TableColumnInfo {
    var label: String
    var width: Int
    var alignment: Alignment
}

/// The start of a formatting sequence, saying which writer renders it.
enum ShapeInfo {
    case table(columns: [TableColumnInfo], hideHeader: Bool, repeatHeader: Bool)
    case list
    case wide(columns: Int)
    case complex
}

/// One formatted object.
enum FormatEntry {
    case tableRow(values: [String], alignments: [Alignment], multiLine: Bool)
    case listEntry([(label: String, value: String)])
    case wide(String)
    /// Free text (custom views): written line by line.
    case complex(String)
    /// A custom control's output, written by `ComplexWriter` at the output's width.
    case complexNodes([ComplexNode])
    /// An object printed with its ToString (strings, numbers inside another format).
    case rawText(String)
    /// An error record printed with the error view.
    case errorRecord(ErrorRecord)
}

/// What Format-Table, Format-List and Format-Wide write to the pipeline and Out-Default and
/// Out-String read (pwsh's FormatStartData, GroupStartData, FormatEntryData, GroupEndData,
/// FormatEndData). A value, so `$t = … | Format-Table; $t` works as in pwsh.
public final class FormatPacket: PSObjectBase {
    enum Kind {
        case formatStart(ShapeInfo, autoSize: Bool)
        /// `groupLabel` is the grouping line (`   Dept: IT`), nil for an unlabelled group.
        case groupStart(groupLabel: String?)
        case entry(FormatEntry, outOfBand: Bool)
        case groupEnd
        case formatEnd
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    public override var typeFullName: String {
        let ns = "Microsoft.PowerShell.Commands.Internal.Format."
        switch kind {
        case .formatStart: return ns + "FormatStartData"
        case .groupStart: return ns + "GroupStartData"
        case .entry: return ns + "FormatEntryData"
        case .groupEnd: return ns + "GroupEndData"
        case .formatEnd: return ns + "FormatEndData"
        }
    }

    public override var typeHierarchy: [String] {
        let ns = "Microsoft.PowerShell.Commands.Internal.Format."
        switch kind {
        case .formatStart: return [typeFullName, ns + "StartData", ns + "PacketInfoData", ns + "FormatInfoData", "System.Object"]
        case .groupStart: return [typeFullName, ns + "StartData", ns + "PacketInfoData", ns + "FormatInfoData", "System.Object"]
        default: return [typeFullName, ns + "PacketInfoData", ns + "FormatInfoData", "System.Object"]
        }
    }

    var isOutOfBandEntry: Bool {
        if case .entry(_, let oob) = kind { return oob }
        return false
    }
}
