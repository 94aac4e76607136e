import PowerShellSyntax
import XCTest
@testable import PowerShellRuntime

/// Helpers shared by the Members tests: calls through the public API and a text form of
/// results (`"$x"` with arrays joined by `|` so element boundaries stay visible).
enum MT {
    static let hooks = RuntimeHooks()

    static func s(_ v: String) -> Value { .string(v) }
    static func i(_ v: Int32) -> Value { .int(v) }
    static func d(_ v: Double) -> Value { .double(v) }
    static func arr(_ items: Value...) -> Value { .object(PSArray(items)) }

    static func text(_ v: Value) -> String {
        if let a = v.array { return a.items.map(text).joined(separator: "|") }
        return Conversion.toString(v, hooks: hooks)
    }

    /// The short .NET type name of a value (`Int32`, `Double`, `String[]`).
    static func type(_ v: Value) -> String {
        Conversion.typeOf(v).name
    }

    static func call(_ target: Value, _ method: String, _ args: [Value], hooks: RuntimeHooks = MT.hooks) throws -> Value {
        try Members.invokeMethod(target, method, args, hooks: hooks)
    }

    static func callStatic(_ typeName: String, _ method: String, _ args: [Value], hooks: RuntimeHooks = MT.hooks) throws -> Value {
        guard let t = TypeResolver.resolve(name: typeName, hooks: hooks) else {
            throw RuntimeError(.runtimeException, "Unable to find type [\(typeName)].", errorId: "TypeNotFound")
        }
        return try Members.invokeStatic(t, method, args, hooks: hooks)
    }

    static func getStatic(_ typeName: String, _ name: String) throws -> Value? {
        guard let t = TypeResolver.resolve(name: typeName, hooks: hooks) else { return nil }
        return try Members.getStatic(t, name, hooks: hooks)
    }

    static func prop(_ target: Value, _ name: String) throws -> Value? {
        try Members.getProperty(target, name, hooks: hooks)
    }

    /// A script block whose body is `text`; `FakeBlocks` gives its behaviour.
    static func block(_ text: String) -> Value {
        let source = SourceText(text: "{" + text + "}")
        let ast = ScriptBlockAst(extent: SourceExtent(source: source, start: 0, end: source.text.utf16.count))
        return .object(ScriptBlock(ast: ast))
    }

    /// Hooks that run the few script blocks the tests use, keyed by their text.
    static func fakeHooks(_ bodies: [String: (Value, [Value]) -> [Value]]) -> RuntimeHooks {
        let h = RuntimeHooks()
        h.invokeScriptBlock = { block, dollarUnder, args in
            guard let f = bodies[block.text] else { return [] }
            return f(dollarUnder, args)
        }
        h.invokeWithThis = { block, this, args in
            guard let f = bodies[block.text] else { return .null }
            return f(this, args).first ?? .null
        }
        return h
    }

    /// The error a call raises: (errorId, message).
    static func failure(_ body: () throws -> Value) -> (String, String)? {
        do {
            _ = try body()
            return nil
        } catch let e as RuntimeError {
            return (e.record.fullyQualifiedErrorId, e.record.exception.message)
        } catch {
            return ("?", "\(error)")
        }
    }
}
