import PowerShellFormatting
import PowerShellRuntime

/// Format-Table, Format-List and Format-Wide: they turn objects into format packets that flow
/// down the pipeline; Out-Default and Out-String print them.
enum FormatCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Format-Table", FormatTableCommand.self),
        ("Format-List", FormatListCommand.self),
        ("Format-Wide", FormatWideCommand.self),
    ]
}

/// The shared body of the Format-* cmdlets.
class FormatCommandBase: Cmdlet {
    var shape: FormatShape { .table }
    private var command: FormatCommand?

    override func begin(_ rt: CommandRuntime) throws {
        let b = rt.bound
        var options = FormatOptions()
        if let props = b.list("Property") {
            options.properties = try props.map { try FormatCommandBase.spec($0, rt) }
        }
        if let g = b["GroupBy"] { options.groupBy = try FormatCommandBase.spec(g, rt) }
        options.viewName = b.string("View")
        // pwsh's ReportCannotSpecifyViewAndProperty (BaseFormattingCommand.cs): a view and
        // properties together end the command before any input is read.
        if let view = options.viewName, !view.isEmpty, let props = options.properties, !props.isEmpty {
            // NOTE: pwsh's exception is an InvalidDataException, which teamsh does not model;
            // its base class SystemException stands in, with .NET's message for it.
            let record = rt.makeError(.systemException, "Found invalid data while decoding.",
                                      errorId: "FormatCannotSpecifyViewAndProperty", category: .InvalidArgument)
            record.errorDetailsMessage = "Cmdlet parameters View and Property are mutually exclusive."
            throw RuntimeError(record)
        }
        if b.has("AutoSize") { options.autoSize = b.isOn("AutoSize") }
        if b.has("HideTableHeaders") { options.hideTableHeaders = b.isOn("HideTableHeaders") }
        if b.has("Wrap") { options.wrap = b.isOn("Wrap") }
        options.repeatHeader = b.isOn("RepeatHeader")
        options.columns = b.int("Column")
        options.force = b.isOn("Force")
        switch b.string("Expand")?.lowercased() {
        case "coreonly": options.expand = .coreOnly
        case "both": options.expand = .both
        case "enumonly": options.expand = .enumOnly
        default: break
        }
        let formatting = SessionFormatting.of(rt.context)
        command = FormatCommand(shape: shape, options: options, registry: formatting.registry, source: formatting.source,
                                enumerationLimit: formatting.enumerationLimit)
    }

    /// A property argument: a name (wildcards allowed), a script block, or a hashtable with
    /// Name/Label, Expression, Width, Alignment and FormatString.
    static func spec(_ v: Value, _ rt: CommandRuntime) throws -> PropertySpec {
        let context = rt.context
        func scriptSpec(_ sb: ScriptBlock, label: String) -> PropertySpec {
            .calculated(label: label) { target in
                let items = try DollarUnderInvoker(context: context).collect(sb, target)
                return items.count == 1 ? items[0] : (items.isEmpty ? .null : .object(PSArray(items)))
            }
        }
        guard case .object(let o) = v else { return .name(rt.text(v)) }
        if let sb = o as? ScriptBlock { return scriptSpec(sb, label: sb.text) }
        guard let h = o as? PSHashtable else { return .name(rt.text(v)) }
        var spec = PropertySpec(.property(""))
        var label: String?
        var hasExpression = false
        // Kept aside and applied last: the keys come in any order, and an Expression block
        // makes a new spec.
        var width: Int?
        var alignment: Alignment?
        var formatString: String?
        let allowed: Set<String> = ["name", "label", "expression", "width", "alignment", "formatstring"]
        for (k, value) in zip(h.keys, h.values) {
            let keyText = rt.text(k)
            guard let key = PropertyExpression.canonicalKey(keyText, allowed: allowed) else {
                throw RuntimeError(rt.makeError(.notSupportedException, "The \(keyText) key is not valid.", errorId: "DictionaryKeyIllegal",
                                                category: .InvalidArgument))
            }
            switch key {
            case "name", "label": label = rt.text(value)
            case "expression":
                hasExpression = true
                if case .object(let e) = value, let sb = e as? ScriptBlock {
                    spec = scriptSpec(sb, label: sb.text)
                } else {
                    spec.expression = .property(rt.text(value))
                }
            case "width": width = (try? Conversion.toInt64(value)).map { Int(clamping: $0) }
            case "alignment":
                switch rt.text(value).lowercased() {
                case "left": alignment = .left
                case "right": alignment = .right
                case "center": alignment = .center
                default: break
                }
            case "formatstring": formatString = rt.text(value)
            default: break
            }
        }
        if !hasExpression {
            throw RuntimeError(rt.makeError(.notSupportedException, "The Expression key is missing.", errorId: "DictionaryKeyMissing",
                                            category: .InvalidArgument))
        }
        if let l = label { spec.label = l } else if case .property(let n) = spec.expression { spec.label = n }
        spec.width = width ?? spec.width
        spec.alignment = alignment ?? spec.alignment
        spec.formatString = formatString ?? spec.formatString
        return spec
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"], let c = command else { return }
        if rt.currentInput == nil && v.isNull { return }
        for p in c.process(v) { try rt.writeObject(p) }
    }

    override func end(_ rt: CommandRuntime) throws {
        guard let c = command else { return }
        for p in c.end() { try rt.writeObject(p) }
    }
}

/// `Format-Table [[-Property] …] [-AutoSize] [-HideTableHeaders] [-Wrap] [-GroupBy …]`
final class FormatTableCommand: FormatCommandBase {
    override var shape: FormatShape { .table }
}

/// `Format-List [[-Property] …] [-GroupBy …]`
final class FormatListCommand: FormatCommandBase {
    override var shape: FormatShape { .list }
}

/// `Format-Wide [[-Property] …] [-Column n] [-AutoSize]`
final class FormatWideCommand: FormatCommandBase {
    override var shape: FormatShape { .wide }
}
