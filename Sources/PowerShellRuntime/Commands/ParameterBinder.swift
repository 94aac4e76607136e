import Foundation
import PowerShellSyntax

/// Binds evaluated command arguments to a command's declared parameters, the same way for
/// cmdlets and functions: named (exact, alias, unambiguous prefix), positional, switches,
/// remaining arguments, parameter sets, type coercion and validation, with pwsh's errors.
struct ParameterBinder {
    let context: ExecutionContext
    let declaration: CommandDeclaration
    /// Cmdlets and advanced functions: unknown parameters and extra arguments are errors, and
    /// common parameters exist. Simple functions pass them to `$args` instead.
    let isAdvanced: Bool
    let invocation: InvocationInfo
    /// The suffix of FullyQualifiedErrorIds (`Microsoft.PowerShell.Commands.GetDateCommand`, or the function's name).
    let errorSuffix: String

    /// All parameters this command accepts, declared ones first.
    var allParameters: [ParameterDeclaration] {
        var ps = declaration.parameters
        if isAdvanced && declaration.supportsCommonParameters {
            ps += CommandDeclaration.commonParameters
            if declaration.supportsShouldProcess { ps += CommandDeclaration.shouldProcessParameters }
        }
        return ps
    }

    struct Result {
        var bound = BoundParameters()
        /// Arguments for `$args` (simple functions).
        var unbound: [Value] = []
        /// Indices in `unbound` of parameter names (`-c`): splatting `@args` passes them on
        /// as parameter names again.
        var unboundParameterNames: Set<Int> = []
        /// Parameter sets still possible after binding the arguments (pipeline input narrows more).
        var candidateSets: [String] = []
        /// Warnings from `$PSDefaultParameterValues` that the command writes once it runs.
        var warnings: [String] = []
        /// Script blocks bound later, for each pipeline object (`-NewName { $_.Name + '.bak' }`).
        var delayed: [DelayedScriptBlock] = []
    }

    /// A script block argument of a parameter that takes pipeline input and is not of type
    /// object or scriptblock: run for each input object with `$_` set to it, its output bound
    /// to the parameter (pwsh's delay-bind script blocks, CmdletParameterBinderController).
    struct DelayedScriptBlock {
        let parameter: ParameterDeclaration
        let script: ScriptBlock
        let extent: SourceExtent?
    }

    // MARK: - Errors

    /// A binding error. pwsh's ParameterBindingException gives the record an InvocationInfo at
    /// the error's position: the argument at fault, else the parameter, else the whole command
    /// (ParameterBinderBase.GetErrorExtent), so `$_.InvocationInfo` and the `~~~~` point there.
    func bindingError(_ id: String, _ message: String, extent: SourceExtent?, category: ErrorCategory = .InvalidArgument,
                      type: ExceptionType = .parameterBindingException, target: Value = .null) -> RuntimeError {
        let ex = PSExceptionObject(type, message)
        let info = InvocationInfo(commandName: invocation.commandName, extent: extent ?? invocation.extent)
        info.myCommand = invocation.myCommand
        let record = ErrorRecord(exception: ex, errorId: id, category: category, targetObject: target, invocationInfo: info,
                                 errorIdSuffix: errorSuffix)
        return RuntimeError(record)
    }

    /// The argument's part of `-Name:value` (`value`), where pwsh's binder points for errors
    /// about the value (CommandParameterInternal.ErrorExtent); a splatted argument keeps its
    /// whole extent.
    static func colonArgumentExtent(_ x: SourceExtent) -> SourceExtent {
        let units = x.source.units
        guard x.start < x.end, x.end <= units.count, units[x.start] == 0x2D else { return x }
        var i = x.start
        while i < x.end, units[i] != 0x3A { i += 1 }
        guard i < x.end else { return x }
        i += 1
        while i < x.end, units[i] == 0x20 || units[i] == 0x09 { i += 1 }
        return i < x.end ? SourceExtent(source: x.source, start: i, end: x.end) : x
    }

    // MARK: - Finding a parameter by name

    /// pwsh's lookup: exact name, alias, then a unique prefix.
    func findParameter(_ name: String, extent: SourceExtent) throws -> ParameterDeclaration? {
        // A full name of a declared parameter is the common case: the index's lower-cased names
        // are compared in place, before anything is lower-cased or hashed.
        let lookup = declaration.parameterLookup
        for (i, n) in lookup.lowerNames.enumerated() where StringCompare.equalsIgnoreCase(n, name) { return declaration.parameters[i] }
        let lower = name.lowercased()
        let withCommon = isAdvanced && declaration.supportsCommonParameters
        let common = ParameterLookup.common
        let commonCount = declaration.supportsShouldProcess ? common.lowerNames.count : CommandDeclaration.commonParameters.count
        func commonParameter(_ i: Int) -> ParameterDeclaration? {
            guard withCommon, i < commonCount else { return nil }
            return i < CommandDeclaration.commonParameters.count ? CommandDeclaration.commonParameters[i]
                : CommandDeclaration.shouldProcessParameters[i - CommandDeclaration.commonParameters.count]
        }
        if let i = lookup.byName[lower] { return declaration.parameters[i] }
        if let p = common.byName[lower].flatMap(commonParameter) { return p }
        if let i = lookup.byAlias[lower] { return declaration.parameters[i] }
        if let p = common.byAlias[lower].flatMap(commonParameter) { return p }
        // A prefix of a name or of an alias (MergedCommandParameterMetadata.GetMatchingParameter);
        // when several match, the command's own parameters win over the common ones if just
        // one of them matches (`Get-Member -i` is -InputObject, not -InformationAction).
        let matches = allParameters.filter { p in
            p.name.lowercased().hasPrefix(lower) || p.aliases.contains { $0.lowercased().hasPrefix(lower) }
        }
        if matches.count == 1 { return matches[0] }
        let own = matches.filter { m in declaration.parameters.contains { $0.name == m.name } }
        if matches.count > 1 && own.count == 1 { return own[0] }
        if matches.count > 1 {
            let list = matches.map { "-" + $0.name }.joined(separator: " ")
            throw bindingError("AmbiguousParameter",
                               "Parameter cannot be processed because the parameter name '\(name)' is ambiguous. Possible matches include: \(list).",
                               extent: extent)
        }
        return nil
    }

    // MARK: - Binding

    func bind(_ arguments: [CommandArgument], pipelineExpected: Bool) throws -> Result {
        if let e = declaration.metadataError { throw e }
        var result = Result()
        var positional: [(Value, SourceExtent)] = []
        // Where each positional argument and each unknown parameter of a simple function
        // stood, so `$args` keeps the order they were written in.
        var positionalOrder: [Int] = []
        var unboundInOrder: [(order: Int, value: Value, isName: Bool)] = []
        var endOfParameters = false
        var i = 0
        while i < arguments.count {
            var arg = arguments[i]
            i += 1
            if case .named(let name, let value, let hasColon, let extent) = arg {
                if name == "-" && !hasColon && !endOfParameters {
                    // `--` ends the parameters: what follows is an argument even if it looks
                    // like a parameter (`f -- -x` passes '-x').
                    endOfParameters = true
                    continue
                }
                if endOfParameters {
                    if let v = value {
                        positional.append((.string("-" + name + ":"), extent))
                        positionalOrder.append(2 * i - 1)
                        arg = .positional(v, extent: extent)
                    } else {
                        arg = .positional(.string("-" + name + (hasColon ? ":" : "")), extent: extent)
                    }
                }
            }
            switch arg {
            case .positional(let v, let x):
                positional.append((v, x))
                positionalOrder.append(2 * i)
            case .named(let name, let value, let hasColon, let extent):
                guard let p = try findParameter(name, extent: extent) else {
                    if declaration.parameters.contains(where: { $0.sets.contains { $0.valueFromRemainingArguments } }) {
                        // A command that takes remaining arguments gets the unknown name as text.
                        positional.append((.string("-" + name + (hasColon ? ":" : "")), extent))
                        if let v = value { positional.append((v, extent)) }
                        continue
                    }
                    if isAdvanced {
                        throw bindingError("NamedParameterNotFound", "A parameter cannot be found that matches parameter name '\(name)'.",
                                           extent: extent, target: .string(name))
                    }
                    // Simple functions: the unknown parameter and its argument go to $args.
                    unboundInOrder.append((2 * i, .string("-" + name + (hasColon ? ":" : "")), true))
                    if let v = value {
                        unboundInOrder.append((2 * i + 1, v, false))
                    } else if !endOfParameters, i < arguments.count, case .positional(let next, _) = arguments[i] {
                        unboundInOrder.append((2 * (i + 1), next, false))
                        i += 1
                    }
                    continue
                }
                if result.bound.has(p.name) {
                    throw bindingError("ParameterAlreadyBound",
                                       "Cannot bind parameter because parameter '\(p.name)' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                                       extent: extent)
                }
                if p.isSwitch {
                    let v = value ?? .bool(true)
                    result.bound.set(p.name, .bool(Conversion.toBool(v)))
                    continue
                }
                var argValue = value
                var valueExtent = hasColon ? ParameterBinder.colonArgumentExtent(extent) : nil
                if argValue == nil && !hasColon, i < arguments.count, case .positional(let next, let nx) = arguments[i] {
                    argValue = next
                    valueExtent = nx
                    i += 1
                }
                guard let v = argValue else {
                    throw bindingError("MissingArgument",
                                       "Missing an argument for parameter '\(p.name)'. Specify a parameter of type '\(p.typeName)' and try again.",
                                       extent: extent)
                }
                if case .object(let o) = v, let sb = o as? ScriptBlock, isDelayBindable(p) {
                    guard pipelineExpected else {
                        throw bindingError("ScriptBlockArgumentNoInput",
                                           "Cannot evaluate parameter '\(p.name)' because its argument is specified as a script block and there is no input. A script block cannot be evaluated without input.",
                                           extent: valueExtent ?? extent, category: .MetadataError)
                    }
                    result.delayed.append(DelayedScriptBlock(parameter: p, script: sb, extent: valueExtent ?? extent))
                    continue
                }
                // Conversion and validation errors point at the argument, as pwsh's do.
                result.bound.set(p.name, try coerce(ExecutionContext.numberArgumentAsTyped(v, valueExtent, p), to: p, extent: valueExtent ?? extent))
            }
        }
        // The parameters bound by name come first in the bind order.
        let boundByNameCount = result.bound.order.count
        // Parameter sets possible given the named parameters.
        var sets = candidateSets(for: result.bound)
        if sets.isEmpty {
            throw bindingError("AmbiguousParameterSet", "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
                               extent: nil)
        }
        // Positional arguments, by position within the possible sets.
        if !positional.isEmpty {
            try checkPositionsUnambiguous(sets: sets, bound: result.bound)
            var remaining = positional
            while let (v, x) = remaining.first {
                // pwsh binds each positional argument to the next positional parameter of a
                // still-possible set, preferring one whose type takes the value as it is
                // (`% Name` binds -MemberName, `? { }` binds -FilterScript).
                var nexts: [(position: Int, p: ParameterDeclaration)] = []
                for set in orderedSets(sets) {
                    guard let p = positionalParameters(in: [set], bound: result.bound).first(where: { !result.bound.has($0.name) }) else { continue }
                    let position = membership(p, in: set)?.position ?? Int.max
                    if !nexts.contains(where: { $0.p.name == p.name }) { nexts.append((position, p)) }
                }
                let lowest = nexts.map { $0.position }.min() ?? 0
                let candidates = nexts.filter { $0.position == lowest }.map { $0.p }
                guard let firstChoice = candidates.first else { break }
                var chosen: (ParameterDeclaration, Value)?
                if candidates.count > 1 {
                    // pwsh's BindPositionalParameters: first the parameters that take the value as
                    // it is, then with type conversion; a parameter whose transformation,
                    // conversion or validation fails leaves the argument to the next one.
                    for p in candidates where acceptsWithoutConversion(v, p) {
                        if let cv = try? coerce(ExecutionContext.numberArgumentAsTyped(v, x, p), to: p, extent: x) {
                            chosen = (p, cv)
                            break
                        }
                    }
                    if chosen == nil {
                        for p in candidates {
                            if let cv = try? coerce(ExecutionContext.numberArgumentAsTyped(v, x, p), to: p, extent: x) {
                                chosen = (p, cv)
                                break
                            }
                        }
                    }
                }
                let (p, value) = try chosen ?? (firstChoice, coerce(ExecutionContext.numberArgumentAsTyped(v, x, firstChoice), to: firstChoice, extent: x))
                result.bound.set(p.name, value)
                remaining.removeFirst()
                sets = candidateSets(for: result.bound)
            }
            if !remaining.isEmpty, let rest = remainingArgumentsParameter(in: sets), result.bound.has(rest.name),
               !result.bound.order.prefix(boundByNameCount).contains(where: { StringCompare.equalsIgnoreCase(rest.name, $0) }),
               let first = result.bound[rest.name] {
                // A positional parameter that also takes the remaining arguments (Write-Host's
                // -Object) collects them all.
                let values = [first] + remaining.map { $0.0 }
                result.bound.set(rest.name, try coerce(.object(PSArray(values)), to: rest, extent: remaining[0].1))
                remaining = []
            }
            if !remaining.isEmpty {
                if let rest = remainingArgumentsParameter(in: sets), !result.bound.has(rest.name) {
                    let values = remaining.map { $0.0 }
                    result.bound.set(rest.name, try coerce(.object(PSArray(values)), to: rest, extent: remaining[0].1))
                } else if isAdvanced {
                    let (v, _) = remaining[0]
                    throw bindingError("PositionalParameterNotFound",
                                       "A positional parameter cannot be found that accepts argument '\(Conversion.toString(v, hooks: context.hooks))'.",
                                       extent: nil, target: v)
                } else {
                    let orders = positionalOrder.suffix(remaining.count)
                    for (order, r) in zip(orders, remaining) { unboundInOrder.append((order, r.0, false)) }
                }
            }
            sets = candidateSets(for: result.bound)
        }
        result.warnings = applyDefaultParameterValues(&result, sets: &sets)
        for entry in unboundInOrder.sorted(by: { $0.order < $1.order }) {
            if entry.isName { result.unboundParameterNames.insert(result.unbound.count) }
            result.unbound.append(entry.value)
        }
        result.candidateSets = sets
        result.bound.parameterSetName = chooseSet(sets) ?? ParameterSetMembership.allSets
        if !pipelineExpected {
            try checkMandatory(&result, sets: sets)
        }
        return result
    }

    /// Sets every bound parameter belongs to. A default set that no parameter names still
    /// exists (`[CmdletBinding(DefaultParameterSetName = 'Normal')]`): it holds the parameters
    /// of all sets, and is the set when nothing set-specific is bound.
    func candidateSets(for bound: BoundParameters) -> [String] {
        let sets = declaration.parameterLookup.sets(declaration.parameters, defaultSet: declaration.defaultParameterSet)
        if sets.names.isEmpty { return [ParameterSetMembership.allSets] }
        if sets.names.count > 64 {
            let boundIndices = bound.foldedNames.compactMap { declaration.parameterLookup.byName[$0] }
            return sets.names.filter { set in
                boundIndices.allSatisfy { i in
                    declaration.parameters[i].sets.contains { $0.setName == set || $0.setName == ParameterSetMembership.allSets }
                }
            }
        }
        var possible = sets.all
        for key in bound.foldedNames {
            if let i = declaration.parameterLookup.byName[key] { possible &= sets.membership[i] }
        }
        if possible == sets.all { return sets.names }
        var names: [String] = []
        for (i, name) in sets.names.enumerated() where possible & (1 << UInt64(i)) != 0 { names.append(name) }
        return names
    }

    static func isBool(_ t: PSType) -> Bool {
        if case .bool = t.kind { return true }
        return false
    }

    /// A type the runtime knows by name only, or an array of one.
    static func isNamedOnly(_ t: PSType) -> Bool {
        switch t.kind {
        case .named: return true
        case .array(let e): return isNamedOnly(e)
        default: return false
        }
    }

    /// The sets in binding preference: the default set first, then declaration order.
    func orderedSets(_ sets: [String]) -> [String] {
        guard let d = declaration.defaultParameterSet, sets.contains(d) else { return sets }
        return [d] + sets.filter { $0 != d }
    }

    /// True when a parameter's type takes the value without conversion (pwsh's first pass).
    func acceptsWithoutConversion(_ value: Value, _ p: ParameterDeclaration) -> Bool {
        let v = p.transformation?(value) ?? value
        guard let t = parameterType(p) else { return true }
        switch t.kind {
        case .object, .psobject: return true
        case .array(let element):
            if Conversion.isInstance(v, of: t) { return true }
            if let a = v.array { return a.items.allSatisfy { Conversion.isInstance($0, of: element) } }
            return Conversion.isInstance(v, of: element)
        default:
            return Conversion.isInstance(v, of: t)
        }
    }

    /// The default set if still possible, else the only one left.
    func chooseSet(_ sets: [String]) -> String? {
        if sets.count == 1 { return sets[0] }
        if let d = declaration.defaultParameterSet, sets.contains(d) { return d }
        return sets.first
    }

    func membership(_ p: ParameterDeclaration, in set: String) -> ParameterSetMembership? {
        p.sets.first { $0.setName == set } ?? p.sets.first { $0.setName == ParameterSetMembership.allSets }
    }

    /// Two parameters not yet bound that share a position in one of the possible sets leave
    /// positional arguments nowhere to go: AmbiguousPositionalParameterNoName (pwsh's
    /// EvaluateUnboundPositionalParameters, checked once positional arguments are left).
    func checkPositionsUnambiguous(sets: [String], bound: BoundParameters) throws {
        for set in sets {
            var seen: Set<Int> = []
            for p in declaration.parameters where !bound.has(p.name) {
                guard let m = membership(p, in: set), let position = m.position, !m.valueFromRemainingArguments else { continue }
                if !seen.insert(position).inserted {
                    throw bindingError("AmbiguousPositionalParameterNoName", "Cannot bind positional parameters because no names were given.",
                                       extent: nil)
                }
            }
        }
    }

    /// Positional parameters ordered by position, taken from the preferred set.
    func positionalParameters(in sets: [String], bound: BoundParameters) -> [ParameterDeclaration] {
        let preferred = chooseSet(sets) ?? ParameterSetMembership.allSets
        var withPos: [(Int, ParameterDeclaration)] = []
        for p in declaration.parameters {
            if let m = membership(p, in: preferred), let pos = m.position { withPos.append((pos, p)) }
        }
        if withPos.isEmpty && preferred != ParameterSetMembership.allSets {
            for set in sets {
                for p in declaration.parameters {
                    if let m = membership(p, in: set), let pos = m.position, !withPos.contains(where: { $0.1.name == p.name }) { withPos.append((pos, p)) }
                }
            }
        }
        return withPos.sorted { $0.0 < $1.0 }.map { $0.1 }
    }

    func remainingArgumentsParameter(in sets: [String]) -> ParameterDeclaration? {
        let preferred = chooseSet(sets) ?? ParameterSetMembership.allSets
        return declaration.parameters.first { membership($0, in: preferred)?.valueFromRemainingArguments == true }
    }

    /// Mandatory parameters not bound: pwsh prompts on a console, fails otherwise.
    func checkMandatory(_ result: inout Result, sets: [String]) throws {
        let set = result.bound.parameterSetName
        var missing: [String] = []
        for i in declaration.parameterLookup.mandatory(in: set, declaration.parameters) {
            let p = declaration.parameters[i]
            if !result.bound.has(p.name) { missing.append(p.name) }
        }
        guard !missing.isEmpty else { return }
        if !context.nonInteractive {
            let declarations = missing.compactMap { name in declaration.parameters.first { $0.name == name } }
            let command = invocation.commandName.isEmpty ? declaration.name : invocation.commandName
            if let answers = try context.promptForParameters(command: command, position: invocation.pipelinePosition, parameters: declarations) {
                for p in declarations {
                    guard let answer = answers[p.name] else { continue }
                    result.bound.set(p.name, try coerce(answer, to: p, extent: nil))
                }
                return
            }
        }
        throw bindingError("MissingMandatoryParameter",
                           "Cannot process command because of one or more missing mandatory parameters: \(missing.joined(separator: " ")).",
                           extent: nil)
    }

    // MARK: - Pipeline input

    /// Binds one pipeline object to the parameters that take pipeline input; returns false
    /// when none can take it. pwsh's order (ParameterBinderController's pipeline binding):
    /// by value without conversion, by property name without conversion, by value with
    /// conversion, by property name with conversion; each pass binds what is still unbound in
    /// the parameter sets still possible.
    /// Whether a script block given to `p` waits for pipeline input: `p` takes pipeline input
    /// and its type (or element type) is not object or scriptblock.
    func isDelayBindable(_ p: ParameterDeclaration) -> Bool {
        guard p.sets.contains(where: { $0.valueFromPipeline || $0.valueFromPipelineByPropertyName }) else { return false }
        guard var t = parameterType(p) else { return false }
        if case .array(let element) = t.kind { t = element }
        if case .list(let element) = t.kind { t = element }
        switch t.kind {
        case .object, .scriptblock: return false
        default: return true
        }
    }

    /// Runs the delayed script blocks for one input object and binds what they output.
    func bindDelayed(_ delayed: [DelayedScriptBlock], input: Value, into bound: BoundParameters) throws {
        for d in delayed {
            let output: [Value]
            do {
                output = try context.invokeScriptBlock(d.script, args: [], dollarUnder: input)
            } catch let e as RuntimeError {
                let error = bindingError("ScriptBlockArgumentInvocationFailed",
                                         "The input to the script block for parameter '\(d.parameter.name)' failed. \(e.record.exception.message)",
                                         extent: d.extent)
                error.record.exception.innerException = e.record.exception
                throw error
            }
            if output.isEmpty {
                throw bindingError("ScriptBlockArgumentNoOutput",
                                   "Cannot evaluate parameter '\(d.parameter.name)' because its argument input did not produce any output.",
                                   extent: d.extent)
            }
            let value: Value = output.count == 1 ? output[0] : .object(PSArray(output))
            bound.set(d.parameter.name, try coerce(value, to: d.parameter, extent: d.extent))
        }
    }

    func bindPipelineInput(_ input: Value, into bound: BoundParameters, sets: [String]) throws -> Bool {
        var valid = sets
        var any = false
        for pass in 0..<4 {
            let byValue = pass % 2 == 0
            let convert = pass >= 2
            for p in declaration.parameters where !bound.has(p.name) {
                let takes = orderedSets(valid).contains { set in
                    guard let m = membership(p, in: set) else { return false }
                    return byValue ? m.valueFromPipeline : m.valueFromPipelineByPropertyName
                }
                guard takes else { continue }
                var candidate = input
                if !byValue {
                    guard input.hashtable == nil, let v = try propertyValue(input, for: p) else { continue }
                    candidate = v
                }
                if !convert && !acceptsWithoutConversion(candidate, p) { continue }
                let value: Value
                do {
                    value = try coerce(candidate, to: p, extent: nil, forPipeline: true)
                } catch let e as RuntimeError where !e.record.errorId.hasPrefix("ParameterArgumentValidationError") {
                    continue
                }
                bound.set(p.name, value)
                any = true
                let now = candidateSets(for: bound)
                valid = valid.filter { now.contains($0) }
            }
        }
        if any { bound.parameterSetName = chooseSet(valid) ?? bound.parameterSetName }
        return any
    }

    /// The input's property named as the parameter or one of its aliases.
    private func propertyValue(_ input: Value, for p: ParameterDeclaration) throws -> Value? {
        for n in [p.name] + p.aliases {
            if let v = try Members.getProperty(input, n, hooks: context.hooks, strict: true) { return v }
        }
        return nil
    }

    // MARK: - Coercion and validation

    func parameterType(_ p: ParameterDeclaration) -> PSType? {
        if let t = p.resolvedType { return t }
        return TypeResolver.resolve(name: p.typeName, hooks: context.hooks)
    }

    /// Binds a positional argument to a parameter as `bind` does (a direct call of a simple
    /// function binds its arguments through here).
    func bindPositional(_ value: Value, to p: ParameterDeclaration, extent: SourceExtent) throws -> Value {
        try coerce(ExecutionContext.numberArgumentAsTyped(value, extent, p), to: p, extent: extent)
    }

    /// pwsh's ValidatePSTypeName (ParameterBinderBase.cs at v7.6.5): after conversion, a
    /// non-null argument (each element of a collection) must have the parameter's PSTypeName
    /// among its PSTypeNames, compared ignoring case; else MismatchedPSTypeName, an argument
    /// transformation error (a plain binding error for pipeline input, which may bind elsewhere).
    func checkPSTypeName(_ v: Value, _ required: String, _ p: ParameterDeclaration, extent: SourceExtent?, forPipeline: Bool) throws {
        if v.isNull { return }
        for item in Conversion.enumerate(v) ?? [v] where !item.isNull {
            let names = Members.typeNames(item)
            if !names.contains(where: { $0.caseInsensitiveCompare(required) == .orderedSame }) {
                throw bindingError("MismatchedPSTypeName",
                                   "Cannot bind argument to parameter '\(p.name)', because PSTypeNames of the argument do not match the PSTypeName required by the parameter: \(required).",
                                   extent: extent, category: .InvalidArgument,
                                   type: forPipeline ? .parameterBindingException : .parameterBindingArgumentTransformationException,
                                   target: v)
            }
        }
    }

    /// Converts an argument to the parameter's type, then validates it.
    func coerce(_ original: Value, to p: ParameterDeclaration, extent: SourceExtent?, forPipeline: Bool = false) throws -> Value {
        let value = p.transformation?(original) ?? original
        var v = value
        // `[Nullable[T]]`: $null binds as $null, anything else as a T would.
        if var t = parameterType(p), !(value.isNull && t.nullableUnderlying != nil) {
            if let inner = t.nullableUnderlying { t = inner }
            switch t.kind {
            case .object, .psobject:
                break
            case .bool:
                // pwsh accepts only booleans and numbers for [bool] parameters.
                switch value {
                case .bool: break
                case .int, .long, .double, .decimal, .sized: v = .bool(Conversion.toBool(value))
                default:
                    if case .object(let o) = value, o is PSArray {
                        break
                    }
                    throw booleanError(p, value: value, type: t, extent: extent)
                }
            case .switchParameter:
                v = .bool(Conversion.toBool(value))
            case .array(let element) where isAdvanced && ParameterBinder.isBool(element):
                // Cmdlets and advanced functions apply the Boolean rule to each element
                // (ParameterBinding.Tests.ps1: `[bool[]]` with 'a','b').
                let items = Conversion.enumerate(value) ?? [value]
                for item in items {
                    switch item {
                    case .bool, .int, .long, .double, .decimal, .sized: continue
                    default:
                        throw booleanError(p, value: item, type: t, extent: extent)
                    }
                }
                v = try Conversion.convert(value, to: t, hooks: context.hooks)
            default:
                do {
                    v = try Conversion.convert(value, to: t, hooks: context.hooks)
                } catch let e as RuntimeError {
                    // NOTE: a type known by name only (PSPropertyExpression, IDictionary, …)
                    // cannot be converted to; the command gets the value as it is.
                    if ParameterBinder.isNamedOnly(t) {
                        break
                    }
                    if forPipeline { throw e }
                    throw transformationError(p, value: value, type: t, extent: extent, detail: e.record.exception.message)
                }
            }
        }
        if let required = p.psTypeName { try checkPSTypeName(v, required, p, extent: extent, forPipeline: forPipeline) }
        try validate(v, p, extent: extent)
        return v
    }

    /// A non-Boolean argument for a `[bool]` parameter. Functions convert through their type
    /// constraint, whose message names the argument's type (pwsh's ArgumentTypeConverterAttribute
    /// with ExtendedTypeSystem's InvalidCastExceptionForBooleanArgumentValue); compiled cmdlets
    /// fail in the binder's own coercion with CannotConvertArgument (ParameterBinderBase.cs at
    /// v7.6.5), whose second argument is empty.
    func booleanError(_ p: ParameterDeclaration, value: Value, type: PSType, extent: SourceExtent?) -> RuntimeError {
        let argumentType = Conversion.typeOf(value).fullName
        if isCmdlet {
            return bindingError("CannotConvertArgument",
                                "Cannot convert '\(argumentType)' to the type '\(type.fullName)' required by parameter '\(p.name)'. ",
                                extent: extent, type: .parameterBindingException, target: value)
        }
        return transformationError(p, value: value, type: type, extent: extent,
                                   detail: "Cannot convert value \"\(argumentType)\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.")
    }

    func transformationError(_ p: ParameterDeclaration, value: Value, type: PSType, extent: SourceExtent?, detail: String) -> RuntimeError {
        if isCmdlet {
            return bindingError("CannotConvertArgumentNoMessage",
                                "Cannot bind parameter '\(p.name)'. \(detail)", extent: extent,
                                type: .parameterBindingException, target: value)
        }
        return bindingError("ParameterArgumentTransformationError",
                            "Cannot process argument transformation on parameter '\(p.name)'. \(detail)", extent: extent,
                            category: .InvalidData, type: .parameterBindingArgumentTransformationException, target: value)
    }

    /// True when binding a compiled-in cmdlet (message texts differ from functions').
    var isCmdlet: Bool { declaration.implementingTypeName != nil }

    func validate(_ v: Value, _ p: ParameterDeclaration, extent: SourceExtent?) throws {
        if p.sets.contains(where: { $0.mandatory }) { try validateMandatoryArgument(v, p, extent: extent) }
        if v.isNull && !p.allowNull {
            for rule in p.validations {
                switch rule {
                case .notNull, .notNullOrEmpty, .notNullOrWhiteSpace, .set, .range, .rangeKind, .pattern, .length:
                    throw validationError(p, ValidationFailure(id: "ArgumentIsNull", message: "The argument is null. Provide a valid value for the argument, and then try running the command again."),
                                          extent: extent)
                default: break
                }
            }
        }
        for rule in p.validations {
            if let failure = rule.failure(v, context: context) {
                throw validationError(p, failure, extent: extent)
            }
        }
    }

    /// A mandatory parameter takes no null, empty string or empty array unless it allows it
    /// (pwsh's ParameterBinderBase.ValidateNullOrEmptyArgument).
    func validateMandatoryArgument(_ v: Value, _ p: ParameterDeclaration, extent: SourceExtent?) throws {
        func fail(_ id: String, _ what: String) -> RuntimeError {
            bindingError(id, "Cannot bind argument to parameter '\(p.name)' because it is \(what).", extent: extent,
                         category: .InvalidData, type: .parameterBindingValidationException)
        }
        if v.isNull {
            if !p.allowNull { throw fail("ParameterArgumentValidationErrorNullNotAllowed", "null") }
            return
        }
        func isString(_ t: PSType?) -> Bool {
            if case .string? = t?.kind { return true }
            return false
        }
        let type = parameterType(p)
        // Only a [string] parameter (or [string[]] element) rejects ''.
        if isString(type), case .string(let s) = v, s.isEmpty, !p.allowEmptyString {
            throw fail("ParameterArgumentValidationErrorEmptyStringNotAllowed", "an empty string")
        }
        if let a = v.array, case .array(let element)? = type?.kind {
            if a.items.isEmpty {
                if !p.allowEmptyCollection { throw fail("ParameterArgumentValidationErrorEmptyArrayNotAllowed", "an empty array") }
                return
            }
            for item in a.items {
                if item.isNull, !p.allowNull {
                    throw fail("ParameterArgumentValidationErrorNullNotAllowed", "null")
                }
                if isString(element), case .string(let s) = item, s.isEmpty, !p.allowEmptyString {
                    throw fail("ParameterArgumentValidationErrorEmptyStringNotAllowed", "an empty string")
                }
            }
        }
    }

    func validationError(_ p: ParameterDeclaration, _ message: String, extent: SourceExtent?) -> RuntimeError {
        bindingError("ParameterArgumentValidationError", "Cannot validate argument on parameter '\(p.name)'. \(message)",
                     extent: extent, category: .InvalidData, type: .parameterBindingValidationException)
    }

    /// ParameterArgumentValidationError whose inner exception is the validator's
    /// ValidationMetadataException (`$_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId`
    /// is the validator's id).
    func validationError(_ p: ParameterDeclaration, _ failure: ValidationFailure, extent: SourceExtent?) -> RuntimeError {
        let error = validationError(p, failure.message, extent: extent)
        let inner = PSExceptionObject(.validationMetadataException, failure.message)
        inner.recordTemplate = (failure.id, .MetadataError)
        error.record.exception.innerException = inner
        return error
    }
}

extension ExecutionContext {
    /// pwsh binds a number written as a command argument to a [string] or [version] parameter
    /// by its text as written (`-MinimumVersion 9.0` is '9.0', not the double's '9'; `34uy`,
    /// `0x10`, `1e3` stay as written): the compiler keeps a number literal's token text when it
    /// differs from the value's (Compiler.GetCommandArgumentExpression, PSObject.TokenText).
    static func numberArgumentAsTyped(_ v: Value, _ extent: SourceExtent?, _ p: ParameterDeclaration) -> Value {
        numberArgumentAsTyped(v, extent, typeName: p.typeName)
    }

    static func numberArgumentAsTyped(_ v: Value, _ extent: SourceExtent?, typeName type: String) -> Value {
        switch v {
        case .int, .long, .double, .decimal, .sized: break
        case .object(let o) where o.typeFullName == "System.Numerics.BigInteger": break
        default: return v
        }
        guard type == "System.String" || type == "System.Version", let text = extent?.text, !text.isEmpty else { return v }
        // Only a lone number literal keeps its text (not `(1 + 2)` or `$n`).
        let source = SourceText(text: text)
        let token = Lexer(source: source).scan(at: 0, mode: .command)
        guard token.kind == .Number, token.start == 0, token.end == source.units.count else { return v }
        return .string(text)
    }
}
