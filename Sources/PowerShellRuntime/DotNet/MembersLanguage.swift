import Foundation
import PowerShellSyntax

/// `[System.Management.Automation.Language.Parser]`: `ParseInput(input, [ref]tokens,
/// [ref]errors)` and `ParseFile(path, [ref]tokens, [ref]errors)`, as pwsh's Parser API. They
/// parse without running anything and hand back the tree, the tokens read and every parse
/// error (pwsh's ParseError objects: ErrorId, Message, Extent, IncompleteInput).
/// NOTE: teamsh's syntax tree is not exposed as pwsh's Ast classes: the ScriptBlockAst given
/// back has its Extent and text (ToString), not its child nodes.
enum LanguageParserMembers {
    static func invoke(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "parseinput":
            // ParseInput(string input, out Token[] tokens, out ParseError[] errors) and the
            // overload with a file name between the input and the tokens.
            try a.expect(3...4)
            guard !a[0].isNull else {
                throw MemberFailure.dotnet(.argumentNullException, "Value cannot be null. (Parameter 'input')")
            }
            let file = a.count == 4 && !a[1].isNull ? a.string(1) : nil
            return parse(SourceText(text: a.string(0), path: file), a, tokensAt: a.count - 2)
        case "parsefile":
            try a.expect(3)
            let path = a.string(0)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                // pwsh's ParserStrings.FileReadError, with an empty extent.
                let reason = "Could not find file '\(path)'."
                let error = PSParseErrorObject(id: "FileReadError", message: "Failed to read file: \(reason)",
                                               extent: SourceExtent.empty(SourceText(text: "", path: path)), incomplete: false)
                setReference(a[1], .object(PSArray([], kind: .array(elementType: "System.Management.Automation.Language.Token"))))
                setReference(a[2], .object(PSArray([.object(error)], kind: .array(elementType: "System.Management.Automation.Language.ParseError"))))
                return .null
            }
            return parse(SourceText(text: text, path: path), a, tokensAt: 1)
        default:
            return nil
        }
    }

    private static func parse(_ source: SourceText, _ a: MethodArgs, tokensAt i: Int) -> Value {
        let result = Parser.parse(source, recordingTokens: true)
        let tokens = result.tokens.map { Value.object(PSTokenObject($0, source)) }
        let errors = (result.errors + a.hooks.usingModuleParseErrors(result.ast, result.errors)).map {
            Value.object(PSParseErrorObject(id: $0.id, message: $0.message, extent: $0.extent, incomplete: $0.incompleteInput))
        }
        setReference(a[i], .object(PSArray(tokens, kind: .array(elementType: "System.Management.Automation.Language.Token"))))
        setReference(a[i + 1], .object(PSArray(errors, kind: .array(elementType: "System.Management.Automation.Language.ParseError"))))
        return .object(PSAstObject(result.ast.extent))
    }

    private static func setReference(_ target: Value, _ value: Value) {
        if case .object(let o) = target, let r = o as? PSReference { r.value = value }
    }
}

extension SourceExtent {
    /// pwsh's PositionUtilities.VerboseMessage: `At FILE:LINE char:COL` (or `At line:…` for
    /// text without a file), the source line and `~` under the extent.
    var verboseMessage: String {
        let where_ = file.map { "At \($0):\(startLine) char:\(startColumn)" } ?? "At line:\(startLine) char:\(startColumn)"
        let lineText = source.lineText(startLine)
        let width = max(1, (endLine == startLine ? endColumn : lineText.utf16.count + 1) - startColumn)
        return where_ + "\n+ " + lineText + "\n+ " + String(repeating: " ", count: max(0, startColumn - 1)) + String(repeating: "~", count: width)
    }
}

/// `System.Management.Automation.Language.ScriptPosition`: one point of a script.
final class PSScriptPositionObject: PSDotNetObject {
    private let source: SourceText
    private let offset: Int

    init(_ source: SourceText, _ offset: Int) {
        self.source = source
        self.offset = offset
    }

    override var typeFullName: String { "System.Management.Automation.Language.InternalScriptPosition" }
    override var propertyNames: [String] { ["File", "LineNumber", "ColumnNumber", "Offset", "Line"] }

    override func property(_ name: String) -> Value? {
        let (line, column) = source.location(of: offset)
        switch name.lowercased() {
        case "file": return source.path.map { .string($0) } ?? .null
        case "linenumber": return .int(Int32(clamping: line))
        case "columnnumber": return .int(Int32(clamping: column))
        case "offset": return .int(Int32(clamping: offset))
        case "line": return .string(source.lineText(line))
        default: return nil
        }
    }

    override func toPSString() -> String { typeFullName }
}

/// `System.Management.Automation.Language.IScriptExtent`: where a token, node or error is.
final class PSScriptExtentObject: PSDotNetObject {
    let extent: SourceExtent

    init(_ extent: SourceExtent) {
        self.extent = extent
    }

    override var typeFullName: String { "System.Management.Automation.Language.InternalScriptExtent" }
    override var propertyNames: [String] {
        ["File", "StartScriptPosition", "EndScriptPosition", "StartLineNumber", "StartColumnNumber", "EndLineNumber",
         "EndColumnNumber", "Text", "StartOffset", "EndOffset"]
    }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "file": return extent.file.map { .string($0) } ?? .null
        case "startscriptposition": return .object(PSScriptPositionObject(extent.source, extent.start))
        case "endscriptposition": return .object(PSScriptPositionObject(extent.source, extent.end))
        case "startlinenumber": return .int(Int32(clamping: extent.startLine))
        case "startcolumnnumber": return .int(Int32(clamping: extent.startColumn))
        case "endlinenumber": return .int(Int32(clamping: extent.endLine))
        case "endcolumnnumber": return .int(Int32(clamping: extent.endColumn))
        case "text": return .string(extent.text)
        case "startoffset": return .int(Int32(clamping: extent.start))
        case "endoffset": return .int(Int32(clamping: extent.end))
        default: return nil
        }
    }

    /// An extent shows as its text, as pwsh's InternalScriptExtent.ToString.
    override func toPSString() -> String { extent.text }
}

/// `System.Management.Automation.Language.ParseError`.
final class PSParseErrorObject: PSDotNetObject {
    let id: String
    let message: String
    let extent: SourceExtent
    let incomplete: Bool

    init(id: String, message: String, extent: SourceExtent, incomplete: Bool) {
        self.id = id
        self.message = message
        self.extent = extent
        self.incomplete = incomplete
    }

    override var typeFullName: String { "System.Management.Automation.Language.ParseError" }
    override var propertyNames: [String] { ["Extent", "ErrorId", "Message", "IncompleteInput"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "extent": return .object(PSScriptExtentObject(extent))
        case "errorid": return .string(id)
        case "message": return .string(message)
        case "incompleteinput": return .bool(incomplete)
        default: return nil
        }
    }

    /// The position message, a new line, and the message (pwsh's ParseError.ToString).
    override func toPSString() -> String {
        extent.source.text.isEmpty && extent.file == nil ? "\n" + message : extent.verboseMessage + "\n" + message
    }
}

/// `System.Management.Automation.Language.Token`: one token the parser read.
final class PSTokenObject: PSDotNetObject {
    private let token: Token
    private let source: SourceText

    init(_ token: Token, _ source: SourceText) {
        self.token = token
        self.source = source
    }

    override var typeFullName: String { "System.Management.Automation.Language.Token" }
    override var propertyNames: [String] { ["Text", "Kind", "HasError", "Extent"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "text": return .string(source.slice(token.start, token.end))
        case "kind": return .string("\(token.kind)")
        case "haserror": return .bool(false)
        case "extent": return .object(PSScriptExtentObject(SourceExtent(source: source, start: token.start, end: token.end)))
        default: return nil
        }
    }

    override func toPSString() -> String { source.slice(token.start, token.end) }
}

/// A syntax tree node, as far as teamsh exposes it: `ScriptBlockAst` (a script block's, or
/// what ParseInput gives) or `FunctionDefinitionAst` (a function's script block), with its
/// extent and text.
final class PSAstObject: PSDotNetObject {
    private let extent: SourceExtent
    private let functionName: String?

    init(_ extent: SourceExtent, functionName: String? = nil) {
        self.extent = extent
        self.functionName = functionName
    }

    override var typeFullName: String {
        "System.Management.Automation.Language." + (functionName == nil ? "ScriptBlockAst" : "FunctionDefinitionAst")
    }
    override var propertyNames: [String] { functionName == nil ? ["Extent"] : ["Name", "Extent"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "extent": return .object(PSScriptExtentObject(extent))
        case "name": return functionName.map { .string($0) }
        default: return nil
        }
    }

    /// An Ast shows as the text it was parsed from.
    override func toPSString() -> String { extent.text }
}
