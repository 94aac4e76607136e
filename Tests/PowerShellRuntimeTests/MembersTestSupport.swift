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
        let host = FakeScriptHost()
        host.run = { block, dollarUnder, args in
            guard let f = bodies[block.text] else { return [] }
            return f(dollarUnder, args)
        }
        return host.hooks
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

/// A script host for value-level tests: a closure stands in for the interpreter running script
/// blocks (`$this` is passed as `$_` would be), and settings are plain properties. Hosts are
/// kept alive for the test run (hooks hold their host weakly).
final class FakeScriptHost: ScriptHost {
    var run: (ScriptBlock, Value, [Value]) -> [Value] = { _, _, _ in [] }
    var outputFieldSeparator = " "
    var userTypes: [String: PSType] = [:]
    private(set) lazy var hooks = RuntimeHooks(host: self)
    private nonisolated(unsafe) static var alive: [FakeScriptHost] = []

    init() {
        FakeScriptHost.alive.append(self)
    }

    func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: Value, args: [Value]) throws -> [Value] { run(block, dollarUnder, args) }
    func invokeScriptBlockInCallerScope(_ block: ScriptBlock, dollarUnder: Value, args: [Value]) throws -> [Value] { run(block, dollarUnder, args) }
    func invokeWithThis(_ block: ScriptBlock, this: Value, args: [Value]) throws -> Value { run(block, this, args).first ?? .null }
    func invokeClassMethod(_ definition: PSClassDefinition, _ instance: PSClassInstance?, _ name: String, _ args: [Value]) throws -> Value { .null }
    func constructClass(_ definition: PSClassDefinition, _ args: [Value]) throws -> Value { .null }
    func resolveUserType(_ name: String) -> PSType? { userTypes[name] }
    func createPowerShell() -> Value? { nil }
    var console: PSHostInterface? { nil }
    func createRunspace() -> Value? { nil }
    func initializeType(_ definition: PSClassDefinition) throws {}
}
