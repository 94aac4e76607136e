import Foundation
import PowerShellRuntime

/// Measure-Object, Measure-Command and Join-String: commands that reduce their input to one
/// value.
enum MeasureCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Measure-Object", MeasureObjectCommand.self),
        ("Measure-Command", MeasureCommandCommand.self),
        ("Join-String", JoinStringCommand.self),
    ]
}

/// `Measure-Object [[-Property] …] [-Sum] [-Average] [-Minimum] [-Maximum] [-StandardDeviation]
/// [-AllStats]` (GenericMeasureInfo) or `-Line -Word -Character [-IgnoreWhiteSpace]` (TextMeasureInfo).
final class MeasureObjectCommand: Cmdlet {
    /// Running statistics for one property (or the objects themselves).
    private struct Stats {
        var count = 0
        var sum = 0.0
        var sumOfSquares = 0.0
        var numericCount = 0
        var min: Value?
        var max: Value?
        var lines = 0
        var words = 0
        var characters = 0
        var found = false
    }

    private var exprs: [PropertyExpression] = []
    /// Statistics per property name, in the order names were first met: a wildcard
    /// expression gives one entry per property it resolves to (pwsh's MeasureObjectDictionary,
    /// case-insensitive).
    private var stats: [Stats] = []
    private var names: [String] = []
    private var index: [String: Int] = [:]
    private var text = false
    private var wantSum = false, wantAverage = false, wantMin = false, wantMax = false, wantStd = false

    override func begin(_ rt: CommandRuntime) throws {
        let b = rt.bound
        exprs = try PropertyExpression.parseList(b.list("Property"), allowed: ["expression"], rt: rt)
        text = b.isOn("Line") || b.isOn("Word") || b.isOn("Character")
        let all = b.isOn("AllStats")
        wantSum = all || b.isOn("Sum")
        wantAverage = all || b.isOn("Average")
        wantMin = all || b.isOn("Minimum")
        wantMax = all || b.isOn("Maximum")
        wantStd = all || b.isOn("StandardDeviation")
        stats = exprs.isEmpty ? [Stats()] : []
        names = exprs.isEmpty ? [""] : []
    }

    /// The entry for a property name, made on first use.
    private func entry(_ name: String) -> Int {
        let key = name.lowercased()
        if let i = index[key] { return i }
        index[key] = stats.count
        stats.append(Stats())
        names.append(name)
        return stats.count - 1
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let input = rt.bound[folded: "inputobject"] else { return }
        if input.isNull { return }
        if exprs.isEmpty {
            try add(input, to: 0, rt)
            return
        }
        var counted = Set<String>()
        for e in exprs {
            let resolved = try e.evaluate(input, rt: rt)
            if resolved.isEmpty {
                // A plain name no object has is tracked, to be reported at the end.
                if !e.hasWildcard { _ = entry(e.displayName) }
                continue
            }
            for (name, v) in resolved where counted.insert(name.lowercased()).inserted {
                let i = entry(name)
                stats[i].found = true
                if v.isNull && !text { continue }
                try add(v, to: i, rt)
            }
        }
    }

    private func add(_ v: Value, to i: Int, _ rt: CommandRuntime) throws {
        stats[i].count += 1
        if text {
            let s = rt.text(v)
            let ignoreWhite = rt.bound.isOn("IgnoreWhiteSpace")
            stats[i].lines += s.isEmpty ? 0 : s.split(separator: "\n", omittingEmptySubsequences: false).count
            stats[i].words += s.split(whereSeparator: { $0.isWhitespace }).count
            stats[i].characters += ignoreWhite ? s.utf16.filter { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }.count : s.utf16.count
            return
        }
        if wantSum || wantAverage || wantStd {
            guard let d = number(v) else {
                try rt.writeError(rt.error("NonNumericInputObject", "Input object \"\(rt.text(v))\" is not numeric.", .InvalidType,
                                           target: v, type: .psInvalidOperationException))
                return
            }
            stats[i].sum += d
            stats[i].sumOfSquares += d * d
            stats[i].numericCount += 1
        }
        if wantMin || wantMax {
            let key: Value = number(v).map { .double($0) } ?? v
            if let m = stats[i].min {
                if (try? Operators.compare(key, m, caseSensitive: false)) ?? 0 < 0 { stats[i].min = key }
            } else {
                stats[i].min = key
            }
            if let m = stats[i].max {
                if (try? Operators.compare(key, m, caseSensitive: false)) ?? 0 > 0 { stats[i].max = key }
            } else {
                stats[i].max = key
            }
        }
    }

    private func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .long(let l): return Double(l)
        case .double(let d): return d
        case .decimal(let d): return d.doubleValue
        case .sized(let n): return n.kind == .single || n.kind == .bigInteger || n.kind == .uint64 ? n.floating : Double(n.integer)
        case .bool, .null: return nil
        default: return try? Conversion.toDouble(v)
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        for (i, s) in stats.enumerated() {
            let property: Value = exprs.isEmpty ? .null : .string(names[i])
            if !exprs.isEmpty && !s.found {
                // pwsh 7 (Measure-Object.cs EndProcessing) reports a property no input had only
                // under Set-StrictMode 2 or later; either way that property gets no result.
                if rt.context.currentScope.effectiveStrictMode >= 2 {
                    try rt.writeError(rt.error(text ? "TextMeasurePropertyNotFound" : "GenericMeasurePropertyNotFound",
                                               "The property \"\(names[i])\" cannot be found in the input for any objects.",
                                               .InvalidArgument, target: property, type: .psArgumentException))
                }
                continue
            }
            if text {
                let b = rt.bound
                let record = NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.TextMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo"], [
                    ("Lines", b.isOn("Line") ? .int(Int32(clamping: s.lines)) : .null),
                    ("Words", b.isOn("Word") ? .int(Int32(clamping: s.words)) : .null),
                    ("Characters", b.isOn("Character") ? .int(Int32(clamping: s.characters)) : .null),
                    ("Property", property),
                ])
                try rt.writeObject(.object(record))
                continue
            }
            let n = Double(s.numericCount)
            var std: Value = .null
            if wantStd {
                if s.numericCount > 1 {
                    let mean = s.sum / n
                    std = .double(((s.sumOfSquares - n * mean * mean) / (n - 1)).squareRoot())
                } else {
                    std = .double(0)
                }
            }
            let record = NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.GenericMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo"], [
                ("Count", .int(Int32(clamping: s.count))),
                ("Average", wantAverage ? (s.numericCount > 0 ? .double(s.sum / n) : .null) : .null),
                ("Sum", wantSum ? .double(s.sum) : .null),
                ("Maximum", wantMax ? (s.max ?? .null) : .null),
                ("Minimum", wantMin ? (s.min ?? .null) : .null),
                ("StandardDeviation", std),
                ("Property", property),
            ])
            try rt.writeObject(.object(record))
        }
    }
}

/// `Measure-Command [-Expression] <scriptblock> [-InputObject …]`: runs the block, discards its
/// output and returns the elapsed TimeSpan.
final class MeasureCommandCommand: Cmdlet {
    private var elapsed: UInt64 = 0

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound["Expression"], case .object(let o) = v, let sb = o as? ScriptBlock else { return }
        let input = rt.bound[folded: "inputobject"] ?? .null
        let start = DispatchTime.now().uptimeNanoseconds
        try rt.context.invokeScriptBlock(sb, args: [], dollarUnder: input, dotSource: true, output: Pipe({ _ in }))
        elapsed &+= DispatchTime.now().uptimeNanoseconds &- start
    }

    override func end(_ rt: CommandRuntime) throws {
        try rt.writeObject(.object(PSTimeSpan(ticks: Int64(elapsed / 100))))
    }
}

/// `Join-String [[-Property] <expr>] [[-Separator] <string>] [-OutputPrefix …] [-OutputSuffix …]
/// [-SingleQuote | -DoubleQuote | -FormatString <string>]`.
final class JoinStringCommand: Cmdlet {
    private var parts: [String] = []
    private var expr: PropertyExpression?

    override func begin(_ rt: CommandRuntime) throws {
        if let p = rt.bound["Property"] { expr = try PropertyExpression.parse(p, allowed: ["expression"], rt: rt) }
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let input = rt.bound[folded: "inputobject"] else { return }
        for item in items(of: input) {
            if item.isNull && rt.currentInput == nil { continue }
            var v = item
            if let e = expr { v = (try e.value(of: item, rt: rt)) ?? .null }
            var s = rt.text(v)
            if rt.bound.isOn("SingleQuote") {
                s = "'" + s + "'"
            } else if rt.bound.isOn("DoubleQuote") {
                s = "\"" + s + "\""
            } else if let f = rt.bound.string("FormatString") {
                s = try CompositeFormat.format(f, [v], hooks: rt.hooks)
            }
            parts.append(s)
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        // pwsh's default is $OFS, which no session defines: no separator.
        let sep = rt.bound.string("Separator") ?? rt.context.variableValue("OFS").map { Conversion.toString($0) } ?? ""
        let text = (rt.bound.string("OutputPrefix") ?? "") + parts.joined(separator: sep) + (rt.bound.string("OutputSuffix") ?? "")
        try rt.writeObject(.string(text))
    }
}
