import PowerShellRuntime

/// `System.Management.Automation.CompletionResultType`, with .NET's values.
public enum CompletionResultType: Int64, CaseIterable {
    case Text = 0, History, Command, ProviderItem, ProviderContainer, Property, Method, ParameterName,
         ParameterValue, Variable, Namespace, `Type`, Keyword, DynamicKeyword

    static let definition = PSEnumDefinition(
        name: "CompletionResultType", fullName: "System.Management.Automation.CompletionResultType",
        members: CompletionResultType.allCases.map { ("\($0)", $0.rawValue) })
}

/// One completion (`System.Management.Automation.CompletionResult`): the text that replaces
/// the word, the text a list shows, its kind and a tool tip.
public final class CompletionResult: PSNativeObject {
    public let completionText: String
    public let listItemText: String
    public let resultType: CompletionResultType
    public let toolTip: String

    public init(_ completionText: String, listItemText: String? = nil, type: CompletionResultType, toolTip: String? = nil) {
        self.completionText = completionText
        self.listItemText = listItemText ?? completionText
        self.resultType = type
        self.toolTip = toolTip ?? completionText
    }

    public override var typeFullName: String { "System.Management.Automation.CompletionResult" }
    public override var propertyNames: [String] { ["CompletionText", "ListItemText", "ResultType", "ToolTip"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "completiontext": return .string(completionText)
        case "listitemtext": return .string(listItemText)
        case "resulttype": return .object(PSEnumValue(CompletionResultType.definition, resultType.rawValue))
        case "tooltip": return .string(toolTip)
        default: return nil
        }
    }

    public override func toPSString() -> String { typeFullName }
}

/// What completing one input gives (`System.Management.Automation.CommandCompletion`): the
/// matches and the part of the input they replace.
public final class CommandCompletion: PSNativeObject {
    public let matches: [CompletionResult]
    public let replacementIndex: Int
    public let replacementLength: Int
    public var currentMatchIndex = -1
    private lazy var matchList = PSArray(matches.map { .object($0) }, kind: .genericList(elementType: "System.Management.Automation.CompletionResult"))

    public init(matches: [CompletionResult], replacementIndex: Int, replacementLength: Int) {
        self.matches = matches
        self.replacementIndex = replacementIndex
        self.replacementLength = replacementLength
    }

    public override var typeFullName: String { "System.Management.Automation.CommandCompletion" }
    public override var propertyNames: [String] { ["CurrentMatchIndex", "ReplacementIndex", "ReplacementLength", "CompletionMatches"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "currentmatchindex": return .int(Int32(clamping: currentMatchIndex))
        case "replacementindex": return .int(Int32(clamping: replacementIndex))
        case "replacementlength": return .int(Int32(clamping: replacementLength))
        case "completionmatches": return .object(matchList)
        default: return nil
        }
    }

    public override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard name.lowercased() == "currentmatchindex", let n = try? Conversion.toInt64(value) else { return false }
        currentMatchIndex = Int(n)
        return true
    }
}
