import PowerShellSyntax

/// Choosing and running the catch block of a `try` statement.
extension ExecutionContext {

    /// The catch clause for an error, chosen as pwsh's ExceptionHandlingOps.FindMatchingHandler
    /// does: the thrown exception's inner exception is tried first, then the exception itself,
    /// then (for `-ErrorAction Stop`) the exception of the record the ActionPreferenceStopException
    /// carries; a more specific handler (one no other listed type derives from) wins over an
    /// earlier match, and a typed handler over the catch-all.
    func findCatch(_ t: TryStatementAst, _ record: ErrorRecord) throws -> Int? {
        // Flattened handler types (nil: catch-all) and the clause each belongs to.
        var types: [(clause: Int, chain: [String]?)] = []
        for (ci, clause) in t.catchClauses.enumerated() {
            if clause.catchTypes.isEmpty { types.append((ci, nil)); continue }
            for ct in clause.catchTypes {
                guard let type = TypeResolver.resolve(ct.type, hooks: hooks) else {
                    throw RuntimeError(.runtimeException, "Unable to find type [\(ct.type)].", errorId: "TypeNotFound",
                                       category: .InvalidOperation, extent: ct.extent)
                }
                if case .exception(let e) = type.kind { types.append((ci, e.chain)) } else { types.append((ci, [type.fullName])) }
            }
        }
        return ExecutionContext.matchingHandler(types.map(\.chain), record).map { types[$0].clause }
    }

    /// Which of the handler types (nil: catch-all) takes an error, by pwsh's
    /// ExceptionHandlingOps.FindMatchingHandler; catch clauses and traps share it.
    static func matchingHandler(_ handlerTypes: [[String]?], _ record: ErrorRecord) -> Int? {
        let types: [(clause: Int, chain: [String]?)] = handlerTypes.enumerated().map { ($0.offset, $0.element) }
        guard !types.isEmpty else { return nil }
        // A handler's rank: how many listed handlers derive from its type (0: most specific).
        var ranks = [Int](repeating: 0, count: types.count)
        for i in types.indices {
            guard let ci = types[i].chain else { ranks[i] = types.count - 1; continue }
            for j in types.indices where j > i {
                if let cj = types[j].chain?.first, ci.dropFirst().contains(where: { $0.caseInsensitiveCompare(cj) == .orderedSame }) { ranks[j] += 1 }
            }
        }
        func handler(for chain: [String]) -> Int? {
            let lowered = chain.map { $0.lowercased() } + ["system.object"]
            func head(_ c: [String]?) -> String? { c?.first?.lowercased() }
            if let i = types.firstIndex(where: { head($0.chain).map { lowered.first == $0 } ?? false }) { return i }
            if let i = types.firstIndex(where: { head($0.chain).map { lowered.dropFirst().contains($0) } ?? false }) { return i }
            return types.firstIndex { $0.chain == nil }
        }
        var best: (handler: Int, rank: Int)?
        func consider(_ chain: [String]) {
            guard let h = handler(for: chain) else { return }
            guard let current = best else {
                best = (h, ranks[h])
                return
            }
            if ranks[h] < current.rank || (ranks[h] == current.rank && types[current.handler].chain == nil) {
                best = (h, ranks[h])
            }
        }
        let runtimeChain = ExceptionType.runtimeException.chain
        let runtimeName = runtimeChain[0].lowercased()
        func isRuntimeException(_ e: PSExceptionObject) -> Bool { e.typeChain.contains { $0.lowercased() == runtimeName } }
        // The exception pwsh throws: the record's own when it is a RuntimeException, else a
        // RuntimeException wrapping it (ActionPreferenceStopException under -ErrorAction Stop).
        var outer: [String]
        var inner: PSExceptionObject?
        if record.stoppedByPreference {
            outer = ExceptionType.actionPreferenceStopException.chain
        } else if isRuntimeException(record.exception) {
            outer = record.exception.typeChain
            inner = record.exception.innerException
        } else {
            outer = runtimeChain
            inner = record.exception
        }
        if let i = inner { consider(i.typeChain) }
        if best.map({ $0.rank > 0 }) ?? true { consider(outer) }
        if record.stoppedByPreference, best.map({ $0.rank > 0 }) ?? true {
            let carried = record.exception
            if let i = carried.innerException, isRuntimeException(carried) { consider(i.typeChain) }
            if best.map({ $0.rank > 0 }) ?? true { consider(carried.typeChain) }
        }
        return best.map { types[$0.handler].clause }
    }

    /// A caught error still counts for the -ErrorVariable of the commands running it.
    func collectInErrorVariables(_ record: ErrorRecord) {
        var target = streamRouting.error
        var depth = 0
        while case .command(let rt) = target, depth < 1000 {
            rt.errorVariableItems?.append(.object(record))
            target = rt.routing.error
            depth += 1
        }
    }

    /// Runs a catch block with `$_` (and `$PSItem`) set to the error, in the current scope.
    func runCatch(_ body: CompiledBlock, _ record: ErrorRecord, _ out: Pipe) throws -> Completion {
        let saved = currentScope.variables["_"]
        let savedItem = currentScope.variables["psitem"]
        currentScope.variables["_"] = PSVariable(name: "_", value: .object(record))
        currentScope.variables["psitem"] = PSVariable(name: "PSItem", value: .object(record))
        let savedHandled = currentCatchRecord
        currentCatchRecord = record
        defer {
            currentScope.variables["_"] = saved
            currentScope.variables["psitem"] = savedItem
            currentCatchRecord = savedHandled
        }
        return try body.run(self, out)
    }

}
