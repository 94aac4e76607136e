import PowerShellSyntax

/// Where output goes: collected into an array (assignment, `$( )`, `@( )`, parentheses), or
/// forwarded object by object to the next command of a pipeline / Out-Default.
public final class Pipe {
    public var items: [Value] = []
    public let forward: ((Value) throws -> Void)?
    /// True for the pipe into Out-Default at the top level: a native program writing straight
    /// into it runs "standalone", on teamsh's own stdout (pwsh's IsDownstreamOutDefault).
    public var isOutDefault = false

    public init() { forward = nil }

    public init(_ forward: @escaping (Value) throws -> Void) { self.forward = forward }

    /// Every object that moves on is a point where a stop (Ctrl+C) is noticed, so every stage
    /// of a pipeline and every cmdlet's output loop stops promptly.
    @inline(__always)
    public func write(_ v: Value) throws {
        try PipelineStop.check()
        if let f = forward { try f(v) } else { items.append(v) }
    }

    /// Writes a value as an expression statement does: arrays and lists are unrolled one level.
    @inline(__always)
    public func writeEnumerated(_ v: Value) throws {
        guard case .object(let o) = v else {
            try write(v)
            return
        }
        if let a = o as? PSArray {
            for item in a.items { try write(item) }
        } else if o === VoidResult.shared {
            // A void method call outputs nothing.
        } else if let items = Members.enumeratedItems(v) {
            // Native collections (MatchCollection, `.PSObject.Properties`) unroll too.
            for item in items { try write(item) }
        } else {
            try write(v)
        }
    }

    /// The collected output as one value: nothing → $null, one → itself, more → object[].
    public var result: Value {
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: return .object(PSArray(items))
        }
    }
}

/// `break`/`continue` (with an optional label) unwinding to the enclosing loop or switch.
/// Classes, so throwing one allocates nothing: the unlabelled ones are shared.
final class BreakSignal: Error {
    let label: String?

    init(label: String?) {
        self.label = label
    }

    static let unlabelled = BreakSignal(label: nil)
}

final class ContinueSignal: Error {
    let label: String?

    init(label: String?) {
        self.label = label
    }

    static let unlabelled = ContinueSignal(label: nil)
}

/// `return`: the value was already written to the output.
final class ReturnSignal: Error {
    static let shared = ReturnSignal()
}

/// `exit N`: unwinds to the script or the process.
public struct ExitSignal: Error {
    public let code: Int32

    public init(code: Int32) {
        self.code = code
    }
}
