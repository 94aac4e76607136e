import PowerShellSyntax

/// Where a language error points: the `~~~~` under it in ConciseView and `$_.InvocationInfo`.
///
/// pwsh's rule (its Compiler.cs and ExceptionHandlingOps.CheckActionPreference at v7.6.5): the
/// compiled code records a *sequence point* as it reaches
/// - each pipeline that is a statement, a pipeline-chain element, a hashtable value, or the
///   operand of `throw`/`return`/`exit` (not a pipeline in parentheses, nor the right side of
///   an assignment),
/// - each assignment statement (the whole `$x.P = value`),
/// - each condition of `if`/`elseif`/`while`/`do`/`for` and the initializer and iterator of
///   `for`, the collection of `foreach`, the value of `switch` and each switch clause's test,
/// and an exception that carries no position of its own takes the sequence point its statement
/// block was at when it failed. So `$x = 1/0` underlines the whole assignment, `Write-Output
/// (1/0)` the whole pipeline, `if (1/0) {}` only the condition, and an error inside a script
/// block or function underlines the statement there.
///
/// Errors that carry their own position keep it: a command's errors (its whole command element,
/// redirections included), binding errors (the parameter or argument), a command that is not
/// found (its name), an undefined variable under strict mode (the variable), a duplicate key in
/// a hashtable literal (the key), an unknown type (the type name), `throw` (the statement).
///
/// The position is the last sequence point *reached*, so when a nested one (a statement of a
/// `$( )` or `@( )`, a hashtable value) completed before the failure of its enclosing statement,
/// the error points at that nested statement: `$o.$($p.Key) = $v` failing in the assignment
/// underlines `$p.Key`. teamsh keeps the last nested statement completed and uses it when it lies
/// inside the failing sequence point.
/// NOTE: nested points inside compound statements (an `if` in a `$( )`) are not tracked; the
/// enclosing statement is used then.
extension ExecutionContext {

    /// Gives an error without a position the extent of the sequence point it failed in (or of
    /// the nested statement completed last inside it).
    @inline(__always)
    func position(_ e: RuntimeError, at extent: SourceExtent?) {
        guard var x = extent else { return }
        if let nested = lastNestedSequencePoint {
            lastNestedSequencePoint = nil
            if nested.source === x.source, nested.start >= x.start, nested.end <= x.end { x = nested }
        }
        let record = e.record
        if let info = record.invocationInfo {
            if info.extent == nil { info.extent = x }
        } else {
            record.invocationInfo = InvocationInfo(commandName: "", extent: x)
        }
        recordScriptStackTrace(record, at: record.invocationInfo?.extent ?? x)
    }

    /// `$_.ScriptStackTrace`: the call stack where the error arose, innermost frame first, one
    /// `at Function, File: line N` line per frame (pwsh's ErrorRecord.LockScriptStackTrace, taken
    /// once, while the failing frames are still on the stack).
    /// NOTE: the outermost frame (the host running the script or command) has no source of its
    /// own here; it is shown at line 1, as the host's one-line command is.
    func recordScriptStackTrace(_ record: ErrorRecord, at extent: SourceExtent?) {
        guard record.scriptStackTrace.isEmpty else { return }
        var lines = callStackFrames(at: extent).compactMap { ($0 as? PSNativeObject)?.toPSString() }
        if let last = lines.last, last.hasSuffix("<No file>: line 0") { lines[lines.count - 1] = String(last.dropLast(1)) + "1" }
        record.scriptStackTrace = lines.joined(separator: "\n")
    }

    /// Errors pwsh's ParserOps raise with the operator's position (they receive
    /// BinaryExpressionAst.ErrorPosition, the operator token): a bad -split or -replace operand.
    static let errorsAtOperator: Set<String> = [
        "BadOperatorArgument", "InvalidSplitOptionWithPredicate", "InvalidSplitOptionCombination", "BadReplaceArgument",
    ]

    /// Gives an error without a position the invocation of the command it came from.
    @inline(__always)
    static func position(_ e: RuntimeError, _ invocation: InvocationInfo) {
        let record = e.record
        if let info = record.invocationInfo {
            if info.extent == nil { info.extent = invocation.extent }
        } else {
            record.invocationInfo = invocation
        }
    }

    /// The sequence point a statement records itself, or nil for compound statements (`if`,
    /// loops, `try`, …) whose parts record their own.
    static func sequencePoint(of statement: StatementAst) -> SourceExtent? {
        switch statement {
        case .pipeline(let p): return p.extent
        case .assignment(let a): return a.extent
        case .flow(let f): return f.operand.flatMap { sequencePoint(of: $0) }
        default: return nil
        }
    }

    /// Runs a part of a statement that is a sequence point of its own (a condition, a loop's
    /// collection, a pipeline-chain element, a switch clause's test), given by its extent,
    /// positioning the errors that escape it.
    @inline(__always)
    func atSequencePoint<T>(_ extent: SourceExtent?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as RuntimeError {
            position(e, at: extent)
            throw e
        }
    }
}
