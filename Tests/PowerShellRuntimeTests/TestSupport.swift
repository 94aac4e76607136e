import XCTest
import TestSupport
import PowerShellSyntax
@testable import PowerShellRuntime

/// Small builders so test tables read like the pwsh they mirror.
enum T {
    static func i(_ x: Int32) -> Value { .int(x) }
    static func l(_ x: Int64) -> Value { .long(x) }
    static func d(_ x: Double) -> Value { .double(x) }
    static func m(_ s: String) -> Value { .decimal(PSDecimal.parse(s) ?? .zero) }
    static func s(_ x: String) -> Value { .string(x) }
    static func b(_ x: Bool) -> Value { .bool(x) }
    static func c(_ x: Character) -> Value { .char(x.utf16.first ?? 0) }
    static func arr(_ items: Value...) -> Value { .object(PSArray(items)) }
    static func sized(_ k: SizedNumber.Kind, _ x: Int64) -> Value { .sized(SizedNumber(kind: k, integer: x)) }
    static func hash(_ pairs: (String, Value)...) -> Value {
        let h = PSHashtable()
        for (k, v) in pairs { h.set(.string(k), v) }
        return .object(h)
    }
    static func type(_ name: String) -> Value {
        .object(PSTypeObject(TypeResolver.resolve(name: name) ?? TypeResolver.object))
    }

    /// Runs one script as a script file in a fresh context (set up by `configure`); returns
    /// its output and the FullyQualifiedErrorId of the last error.
    static func runScript(_ source: String, configure: (ExecutionContext) -> Void = { _ in }) -> ScriptResult {
        let host = BufferHost()
        let context = ExecutionContext(host: host)
        context.nonInteractive = true
        configure(context)
        _ = context.runTopLevel(SourceText(text: source, path: "/tmp/case/t.ps1"), asScriptFile: true)
        let output = host.output
        host.output = ""
        _ = context.runTopLevel(SourceText(text: "if ($Error.Count) { $Error[0].FullyQualifiedErrorId }", path: "/tmp/case/e.ps1"),
                                asScriptFile: true)
        let id = host.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return ScriptResult(output: output, errors: host.errors, errorId: id.isEmpty ? nil : id)
    }

    /// A value as pwsh's console shows it: one line per array item, doubles as G15.
    static func show(_ v: Value) -> String {
        if let items = Conversion.enumerate(v) { return items.map(show).joined(separator: "\n") }
        if case .double(let d) = v { return NumberFormatting.format(d) }
        return Conversion.toString(v)
    }

    /// The .NET short type name of a value (`GetType().Name`).
    static func typeName(_ v: Value) -> String { Conversion.typeOf(v).name }
}

extension XCTestCase {
    /// Asserts that `body` throws a RuntimeError with the given error id and message.
    func assertRuntimeError(_ body: @autoclosure () throws -> Value, id: String, message: String? = nil,
                            file: StaticString = #filePath, line: UInt = #line) {
        do {
            let v = try body()
            XCTFail("expected error \(id), got \(T.show(v))", file: file, line: line)
        } catch let e as RuntimeError {
            XCTAssertEqual(e.record.fullyQualifiedErrorId, id, file: file, line: line)
            if let m = message { XCTAssertEqual(e.record.exception.message, m, file: file, line: line) }
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
