import PowerShellRuntime

/// The four shapes pwsh formats objects into.
public enum FormatShape {
    case table, list, wide, custom
}

/// Text alignment inside a table column.
public enum Alignment {
    case undefined, left, center, right
}

/// What a column, list item or wide entry shows: a property by name, or a computed value
/// (a view's script block or a calculated property's `Expression`).
public enum FormatExpression {
    case property(String)
    /// Computes the value from the object; a thrown error shows as an empty field.
    case script((Value) throws -> Value)

    /// The label pwsh derives when none is given.
    var defaultLabel: String {
        switch self {
        case .property(let name): return name
        case .script: return ""
        }
    }
}

/// One column of a registered table view.
public struct TableColumnDefinition {
    public var label: String?
    /// Width in cells; 0 lets the table size it.
    public var width: Int
    public var alignment: Alignment
    public var expression: FormatExpression
    public var formatString: String?

    public init(_ expression: FormatExpression, label: String? = nil, width: Int = 0, alignment: Alignment = .undefined, formatString: String? = nil) {
        self.expression = expression
        self.label = label
        self.width = width
        self.alignment = alignment
        self.formatString = formatString
    }

    /// A column showing a property.
    public static func property(_ name: String, label: String? = nil, width: Int = 0, alignment: Alignment = .undefined) -> TableColumnDefinition {
        TableColumnDefinition(.property(name), label: label, width: width, alignment: alignment)
    }
}

/// A registered table view.
public struct TableViewDefinition {
    public var columns: [TableColumnDefinition]
    public var hideHeader: Bool
    /// True for `<AutoSize/>`: size columns from the data.
    public var autoSize: Bool?
    /// Rows wrap instead of truncating (`<Wrap/>`).
    public var wrap: Bool

    public init(columns: [TableColumnDefinition], hideHeader: Bool = false, autoSize: Bool? = nil, wrap: Bool = false) {
        self.columns = columns
        self.hideHeader = hideHeader
        self.autoSize = autoSize
        self.wrap = wrap
    }
}

/// One `Label : Value` line of a registered list view.
public struct ListItemDefinition {
    public var label: String?
    public var expression: FormatExpression
    public var formatString: String?
    /// Shown only when this returns true (`<ItemSelectionCondition>`).
    public var condition: ((Value) -> Bool)?

    public init(_ expression: FormatExpression, label: String? = nil, formatString: String? = nil, condition: ((Value) -> Bool)? = nil) {
        self.expression = expression
        self.label = label
        self.formatString = formatString
        self.condition = condition
    }

    public static func property(_ name: String, label: String? = nil) -> ListItemDefinition {
        ListItemDefinition(.property(name), label: label)
    }
}

/// The kind of a registered view and its definition.
public enum FormatControl {
    case table(TableViewDefinition)
    case list([ListItemDefinition])
    /// One entry per object; `columns` 0 lets the writer choose.
    case wide(FormatExpression, columns: Int)
    /// Free text per object (DateTime, MatchInfo, ScriptBlock): the lines to print.
    case custom((Value, FormatValueSource) -> String)
    /// A custom control (help topics): frames and text laid out at the output's width.
    case customControl(CustomControl)

    var shape: FormatShape {
        switch self {
        case .table: return .table
        case .list: return .list
        case .wide: return .wide
        case .custom, .customControl: return .custom
        }
    }
}

/// A view a module registers for its types (pwsh's `<View>` in a `.format.ps1xml`).
public struct FormatViewDefinition {
    public var name: String
    /// Type names the view applies to (matched against `pstypenames`).
    public var typeNames: [String]
    public var control: FormatControl
    /// `<GroupBy>`: start a new group whenever this value changes; `label` names it.
    public var groupBy: (expression: FormatExpression, label: String)?
    /// A `<GroupBy>` with a `<CustomControl>` instead of a `<Label>`: the group opens with this
    /// text followed by the value (pwsh's `    Directory: ` for files and module listings).
    public var groupByText: String?
    /// Out-of-band views print their objects on their own, even inside another table.
    public var outOfBand: Bool

    public init(name: String, typeNames: [String], control: FormatControl,
                groupBy: (expression: FormatExpression, label: String)? = nil, groupByText: String? = nil, outOfBand: Bool = false) {
        self.name = name
        self.typeNames = typeNames
        self.control = control
        self.groupBy = groupBy
        self.groupByText = groupByText
        self.outOfBand = outOfBand
    }
}

/// The views known to a session, looked up by an object's type names: the first type name
/// (most specific first) that has a view wins; among views for that type, the first registered.
public final class FormatViewRegistry {
    private var views: [FormatViewDefinition] = []
    private var byType: [String: [Int]] = [:]

    /// A registry holding pwsh's built-in views for the .NET types the runtime models
    /// (DictionaryEntry, Version, TimeSpan, DateTime, Guid, GroupInfo, …) unless told not to.
    public init(includeBuiltIns: Bool = true) {
        if includeBuiltIns {
            for v in BuiltInViews.all + HelpViews.all { register(v) }
        }
    }

    /// Adds a view after the ones already registered.
    public func register(_ view: FormatViewDefinition) {
        let index = views.count
        views.append(view)
        for t in view.typeNames { byType[t.lowercased(), default: []].append(index) }
    }

    /// The view for an object with these type names, of the given shape (any when nil) and
    /// name (any when nil).
    public func view(forTypeNames typeNames: [String], shape: FormatShape? = nil, name: String? = nil) -> FormatViewDefinition? {
        for t in typeNames {
            guard let list = byType[t.lowercased()] else { continue }
            for i in list {
                let v = views[i]
                if v.outOfBand { continue }
                if let s = shape, v.control.shape != s { continue }
                if let n = name, v.name.caseInsensitiveCompare(n) != .orderedSame { continue }
                return v
            }
        }
        return nil
    }

    /// The out-of-band view for these type names, if any.
    public func outOfBandView(forTypeNames typeNames: [String]) -> FormatViewDefinition? {
        for t in typeNames {
            guard let list = byType[t.lowercased()] else { continue }
            for i in list where views[i].outOfBand { return views[i] }
        }
        return nil
    }

    /// True when a view applies to an object with these type names (pwsh's IsObjectApplicable).
    func applies(_ view: FormatViewDefinition, to typeNames: [String]) -> Bool {
        let set = Set(view.typeNames.map { $0.lowercased() })
        return typeNames.contains { set.contains($0.lowercased()) }
    }
}

/// pwsh's DotNetTypes / PowerShellCore format data for the types the runtime models.
enum BuiltInViews {
    static var all: [FormatViewDefinition] {
        [
            FormatViewDefinition(name: "Dictionary", typeNames: ["System.Collections.DictionaryEntry"], control: .table(TableViewDefinition(columns: [
                .property("Name", width: 30), .property("Value"),
            ]))),
            FormatViewDefinition(name: "System.Collections.DictionaryEntry", typeNames: ["System.Collections.DictionaryEntry"],
                                 control: .list([.property("Name"), .property("Value")])),
            FormatViewDefinition(name: "System.Version", typeNames: ["System.Version"], control: .table(TableViewDefinition(columns: [
                .property("Major", width: 6), .property("Minor", width: 6), .property("Build", width: 6), .property("Revision", width: 8),
            ]))),
            FormatViewDefinition(name: "System.Management.Automation.SemanticVersion", typeNames: ["System.Management.Automation.SemanticVersion"],
                                 control: .table(TableViewDefinition(columns: [
                                     .property("Major", width: 6), .property("Minor", width: 6), .property("Patch", width: 6),
                                     .property("PreReleaseLabel", width: 15), .property("BuildLabel", width: 11),
                                 ]))),
            FormatViewDefinition(name: "System.TimeSpan", typeNames: ["System.TimeSpan"], control: .list([
                .property("Days"), .property("Hours"), .property("Minutes"), .property("Seconds"), .property("Milliseconds"),
                .property("Ticks"), .property("TotalDays"), .property("TotalHours"), .property("TotalMinutes"),
                .property("TotalSeconds"), .property("TotalMilliseconds"),
            ])),
            FormatViewDefinition(name: "System.TimeSpan", typeNames: ["System.TimeSpan"], control: .table(TableViewDefinition(columns: [
                .property("Days"), .property("Hours"), .property("Minutes"), .property("Seconds"), .property("Milliseconds"),
            ]))),
            FormatViewDefinition(name: "System.TimeSpan", typeNames: ["System.TimeSpan"], control: .wide(.property("TotalMilliseconds"), columns: 0)),
            FormatViewDefinition(name: "DateTime", typeNames: ["System.DateTime"], control: .custom({ v, source in
                // The DateTime script property: long date and long time.
                if let t = source.property(v, "DateTime") { return source.toString(t) }
                return source.toString(v)
            })),
            // PowerShellCore_format_ps1xml.cs: type objects as IsPublic, IsSerial, Name, BaseType.
            FormatViewDefinition(name: "System.RuntimeType", typeNames: ["System.RuntimeType"], control: .table(TableViewDefinition(columns: [
                .property("IsPublic", label: "IsPublic", width: 8), .property("IsSerializable", label: "IsSerial", width: 8),
                .property("Name", width: 40), .property("BaseType"),
            ]))),
            FormatViewDefinition(name: "System.Guid", typeNames: ["System.Guid"], control: .table(TableViewDefinition(columns: [.property("Guid")]))),
            // DotNetTypes_format_ps1xml.cs: Get-Culture's LCID, Name (16 wide) and DisplayName.
            FormatViewDefinition(name: "System.Globalization.CultureInfo", typeNames: ["System.Globalization.CultureInfo"],
                                 control: .table(TableViewDefinition(columns: [
                                     .property("LCID", width: 16), .property("Name", width: 16), .property("DisplayName"),
                                 ]))),
            FormatViewDefinition(name: "Microsoft.PowerShell.Commands.GroupInfo", typeNames: ["Microsoft.PowerShell.Commands.GroupInfo"],
                                 control: .table(TableViewDefinition(columns: [
                                     .property("Count", width: 5, alignment: .right), .property("Name", width: 25), .property("Group"),
                                 ]))),
            FormatViewDefinition(name: "Microsoft.PowerShell.Commands.GroupInfo", typeNames: ["Microsoft.PowerShell.Commands.GroupInfo"],
                                 control: .list([.property("Name"), .property("Count"), .property("Group"), .property("Values")])),
            FormatViewDefinition(name: "Microsoft.PowerShell.Commands.GroupInfoNoElement", typeNames: ["Microsoft.PowerShell.Commands.GroupInfoNoElement"],
                                 control: .table(TableViewDefinition(columns: [.property("Count", width: 5, alignment: .right), .property("Name", width: 25)]))),
            FormatViewDefinition(name: "Variable", typeNames: ["System.Management.Automation.PSVariable"], control: .table(TableViewDefinition(columns: [
                .property("Name", width: 30), .property("Value"),
            ]))),
            // PowerShellCore_format_ps1xml.cs: CallStackFrame's table of Command, Arguments, Location.
            FormatViewDefinition(name: "CallStackFrame", typeNames: ["System.Management.Automation.CallStackFrame"],
                                 control: .table(TableViewDefinition(columns: [.property("Command"), .property("Arguments"), .property("Location")]))),
            FormatViewDefinition(name: "PathInfo", typeNames: ["System.Management.Automation.PathInfo"],
                                 control: .table(TableViewDefinition(columns: [.property("Path")]))),
            FormatViewDefinition(name: "MatchInfo", typeNames: ["Microsoft.PowerShell.Commands.MatchInfo"], control: .custom({ v, source in source.toString(v) })),
            FormatViewDefinition(name: "ScriptBlock", typeNames: ["System.Management.Automation.ScriptBlock"],
                                 control: .custom({ v, source in source.toString(v) }), outOfBand: true),
        ]
    }
}
