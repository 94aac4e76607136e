import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// `Get-Error [-Newest <int>]` / `Get-Error [[-InputObject] <psobject>]`
/// (src/Microsoft.PowerShell.Commands.Utility/commands/utility/Get-Error.cs at v7.6.5): the
/// newest errors of `$error` (one unless -Newest), or the ErrorRecord or exception piped in,
/// each written as a copy named `…ErrorRecord#PSExtendedError` (`…Exception#PSExtendedError`)
/// in place of its own type name, so the detailed view below formats it; with more than one,
/// each carries its index in `$error` as the note property PSErrorIndex.
final class GetErrorCommand: Cmdlet {
    static let recordName = "System.Management.Automation.ErrorRecord"
    static let exceptionName = "System.Exception"
    static let extended = "#PSExtendedError"

    override func process(_ rt: CommandRuntime) throws {
        var picked: [Value] = []
        if rt.bound.parameterSetName == "Error" {
            // Anything else piped in is passed over without a word, as in pwsh.
            if let input = rt.bound["InputObject"], case .object(let o) = input, o is ErrorRecord || o is PSExceptionObject {
                picked.append(input)
            }
        } else {
            let errors = rt.context.errorList.items
            picked = Array(errors.prefix(max(0, rt.bound.int("Newest") ?? 1)))
        }
        let numbered = picked.count > 1
        for (index, value) in picked.enumerated() {
            let copy = GetErrorCommand.relabeled(value)
            if numbered, case .object(let o) = copy {
                let members = o.instanceMembers ?? PSMemberTable()
                members.set(PSMember(name: "PSErrorIndex", kind: .noteProperty(.int(Int32(clamping: index)))))
                o.instanceMembers = members
            }
            try rt.writeObject(copy)
        }
    }

    /// A copy of an ErrorRecord or exception named for the detailed view; other values as
    /// they are (a script may put anything in `$error`).
    static func relabeled(_ v: Value) -> Value {
        guard case .object(let o) = v else { return v }
        let copy: PSObjectBase
        switch o {
        case let r as ErrorRecord: copy = r.relabelableCopy()
        case let e as PSExceptionObject: copy = e.relabelableCopy()
        default: return v
        }
        for base in [recordName, exceptionName] where copy.typeNames.contains(base) && !copy.typeNames.contains(base + extended) {
            copy.extraTypeNames.insert(base + extended, at: 0)
            _ = copy.hideTypeName(base)
        }
        return .object(copy)
    }

    /// Turns the copy back into a plain record or exception once the view has shown it
    /// (pwsh's view does so, so the object prints as an ordinary error afterwards).
    static func restoreNames(_ v: Value) {
        guard case .object(let o) = v else { return }
        for base in [recordName, exceptionName] {
            guard let i = o.extraTypeNames.firstIndex(of: base + extended) else { continue }
            o.extraTypeNames.remove(at: i)
            if !o.showTypeName(base) { o.extraTypeNames.append(base) }
            return
        }
    }

    /// pwsh's GetErrorInstance view (PowerShellCore_format_ps1xml.cs), grouped by PSErrorIndex.
    static var views: [FormatViewDefinition] {
        [FormatViewDefinition(name: "GetErrorInstance", typeNames: [recordName + extended, exceptionName + extended],
                              control: .custom({ value, source in
                                  restoreNames(value)
                                  return ExtendedErrorText(source: source).render(value, indent: 0, depth: 1)
                              }),
                              groupBy: (expression: .property("PSErrorIndex"), label: "ErrorIndex"))]
    }
}

/// The text of Get-Error's view: every property with a value, one per line, names padded to
/// the longest; exceptions, error records and InvocationInfo opened up below their name (four
/// spaces further in, ten levels at most, then `…`), dictionaries as sorted `key : value`
/// lines, collections one item per line, types as `[Name]`, and a value of several lines
/// continued under its first. Exceptions lead with their type's full name as `Type`.
/// NOTE: plain text always: pwsh colours names and messages when the host supports VT.
struct ExtendedErrorText {
    let source: FormatValueSource
    static let maxDepth = 10
    static let expanded: Set<String> = [
        "Microsoft.Rest.HttpRequestMessageWrapper", "Microsoft.Rest.HttpResponseMessageWrapper",
        "System.Management.Automation.InvocationInfo",
    ]

    func render(_ v: Value, indent: Int, depth: Int) -> String {
        let prefix = String(repeating: " ", count: indent)
        let properties = self.properties(v)
        let width = properties.filter { !$0.value.isNull && !isEmptyString($0.value) }.map { $0.name.count }.max() ?? 0
        var lines: [String] = []
        for (name, value) in properties where name != "PSErrorIndex" && isShown(value) {
            var text = prefix + name + String(repeating: " ", count: max(0, width - name.count)) + " : "
            let inner = indent + 4
            let names = Members.typeNames(value)
            if names.contains("System.Exception") || names.contains(GetErrorCommand.recordName) || names.first.map(ExtendedErrorText.expanded.contains) == true {
                text += depth >= ExtendedErrorText.maxDepth ? "\u{2026}" : "\n" + render(value, indent: inner, depth: depth + 1)
            } else if name == "StackTrace" {
                text += "\n" + source.toString(value)
            } else if case .object(let o) = value, let table = o as? PSHashtable {
                let keys = table.keys.sorted { source.toString($0).localizedCaseInsensitiveCompare(source.toString($1)) == .orderedAscending }
                for (i, key) in keys.enumerated() {
                    if i == 0 { text += "\n" }
                    let shown = source.toString(key) == "Authorization" ? "\u{2026}" : source.toString(table[key] ?? .null)
                    text += prefix + "    " + source.toString(key) + " : " + shown + "\n"
                }
            } else if case .string = value {
                text += continued(source.toString(value), name: name, prefix: prefix, width: width)
            } else if name != "Data", let items = Conversion.enumerate(value) {
                if depth >= ExtendedErrorText.maxDepth {
                    text += "\u{2026}"
                } else {
                    let itemPrefix = prefix + String(repeating: " ", count: inner + 2)
                    for (i, item) in items.enumerated() {
                        text += "\n"
                        if let typeName = typeLiteral(item) {
                            text += itemPrefix + typeName
                        } else if isPrimitive(item) {
                            text += itemPrefix + source.toString(item)
                        } else {
                            if i > 0 { text += "\n" }
                            text += render(item, indent: inner, depth: depth + 1)
                        }
                    }
                }
            } else if let typeName = typeLiteral(value) {
                text += typeName
            } else {
                text += continued(source.toString(value), name: name, prefix: prefix, width: width)
            }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    /// The properties in PSObject.Properties order: members added to the instance first,
    /// then the type's own; an exception without a `Type` property gets one naming its type.
    private func properties(_ v: Value) -> [(name: String, value: Value)] {
        var result: [(name: String, value: Value)] = []
        let own = source.propertyNames(v)
        if Members.typeNames(v).contains("System.Exception"), !own.contains(where: { $0.caseInsensitiveCompare("Type") == .orderedSame }),
           case .object(let o) = v {
            result.append(("Type", .string(o.typeFullName)))
        }
        var added: [String] = []
        if case .object(let o) = v, let members = o.instanceMembers {
            for m in members.members {
                if case .scriptMethod = m.kind { continue }
                added.append(m.name)
            }
        }
        for name in added + own.filter({ n in !added.contains { $0.caseInsensitiveCompare(n) == .orderedSame } }) {
            result.append((name, source.property(v, name) ?? .null))
        }
        return result
    }

    /// `$v -ne $null -and $v -ne '' -and $v.Count -gt 0`, with PowerShell's comparison rules:
    /// on a collection the comparisons filter its items; on a scalar '' converts to its type,
    /// so 0 and $false count as empty too.
    private func isShown(_ v: Value) -> Bool {
        if v.isNull { return false }
        if let items = Conversion.enumerate(v) {
            let kept = items.filter { !$0.isNull && !Operators.equals($0, .string(""), caseSensitive: false) }
            if kept.count != 1 { return kept.count > 1 }
            return Conversion.toBool(kept[0])
        }
        if Operators.equals(v, .string(""), caseSensitive: false) { return false }
        if case .object(let o) = v, let table = o as? PSHashtable { return table.count > 0 }
        return true
    }

    private func isEmptyString(_ v: Value) -> Bool {
        if case .string(let s) = v { return s.isEmpty }
        return false
    }

    /// `[System.String]` for a type, nil for anything else.
    private func typeLiteral(_ v: Value) -> String? {
        guard case .object(let o) = v, let t = o as? PSTypeObject else { return nil }
        return "[" + t.type.fullName + "]"
    }

    /// Strings and .NET primitive types (numbers but decimal, Boolean, Char) print as text.
    private func isPrimitive(_ v: Value) -> Bool {
        switch v {
        case .string, .bool, .int, .long, .double, .char, .sized: return true
        default: return false
        }
    }

    /// A value's text, its later lines trimmed and lined up under the first.
    private func continued(_ text: String, name: String, prefix: String, width: Int) -> String {
        guard text.contains("\n") else { return text }
        let pad = prefix + String(repeating: " ", count: width + 3)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .joined(separator: "\n" + pad)
    }
}
