import PowerShellRuntime

/// The front half of Format-Table / Format-List / Format-Wide / Format-Default (pwsh's
/// InnerFormatShapeCommand): receives objects one at a time and emits format packets. The first
/// object chooses the view; later objects it does not apply to are formatted on their own
/// ("out of band"): scalars as their text, others as a list.
public final class FormatShapeGenerator {
    private let requestedShape: FormatShape?
    private let options: FormatOptions?
    private let registry: FormatViewRegistry
    private let source: FormatValueSource
    private let text: ValueText
    private var generator: ViewGenerator?
    private enum Context { case document, group }
    private var contexts: [Context] = []

    /// `shape` nil is Out-Default's choice (a registered view, else table for up to four
    /// properties and list for more); a shape is Format-Table/List/Wide's.
    public init(shape: FormatShape?, options: FormatOptions? = nil, registry: FormatViewRegistry, source: FormatValueSource, enumerationLimit: Int = 4) {
        self.requestedShape = shape
        self.options = options
        self.registry = registry
        self.source = source
        self.text = ValueText(source: source, enumerationLimit: enumerationLimit)
    }

    /// Formats one pipeline object; collections are enumerated (a hashtable into its entries).
    public func process(_ v: Value, emit: (FormatPacket) -> Void) {
        if v.isNull { return }
        if case .object(let o) = v {
            let expansion = options?.expand ?? .enumOnly
            if let a = o as? PSArray {
                switch expansion {
                case .coreOnly: processObject(v, emit)
                case .enumOnly:
                    for item in a.items { processObject(item, emit) }
                case .both:
                    processCoreOutOfBand(v, count: a.count, emit)
                    for item in a.items { processObject(item, emit) }
                }
                return
            }
            if let h = o as? PSHashtable, expansion != .coreOnly {
                if expansion == .both { processCoreOutOfBand(v, count: h.count, emit) }
                for (k, value) in zip(h.keys, h.values) {
                    // A generic Dictionary (`$PSBoundParameters`) enumerates into KeyValuePairs.
                    processObject(.object(DictionaryEntryObject(key: k, value: value, isKeyValuePair: h.isGenericDictionary)), emit)
                }
                return
            }
        }
        processObject(v, emit)
    }

    /// Closes open groups and the document.
    public func end(emit: (FormatPacket) -> Void) {
        while let ctx = contexts.last {
            switch ctx {
            case .group: popGroup(emit)
            case .document:
                emit(FormatPacket(.formatEnd))
                contexts.removeLast()
            }
        }
    }

    private func processCoreOutOfBand(_ v: Value, count: Int, _ emit: (FormatPacket) -> Void) {
        emit(FormatPacket(.entry(.rawText("The following object supports IEnumerable:"), outOfBand: true)))
        _ = processOutOfBand(v, useToStringFallback: true, emit)
        let msg: String
        switch count {
        case 0: msg = "The IEnumerable contains no objects."
        case 1: msg = "The IEnumerable contains 1 object."
        default: msg = "The IEnumerable contains \(count) objects."
        }
        emit(FormatPacket(.entry(.rawText(msg), outOfBand: true)))
    }

    private var shouldProcessOutOfBand: Bool {
        requestedShape == nil || options == nil || !(options?.force ?? false)
    }

    private func typeNames(_ v: Value) -> [String] { FormatTypeNames.of(v) }

    private func processObject(_ v: Value, _ emit: (FormatPacket) -> Void) {
        if case .object(let o) = v, let p = o as? FormatPacket {
            // pwsh's OutCommandInner: a format start arriving inside a group closes what the
            // default formatter had open, as if its pipeline had ended (the table's closing blank line).
            if case .formatStart = p.kind, contexts.last == .group { end(emit: emit) }
            emit(p)
            return
        }
        if shouldProcessOutOfBand, processOutOfBand(v, useToStringFallback: false, emit) { return }
        if contexts.isEmpty {
            let gen = selectGenerator(for: v)
            generator = gen
            emit(FormatPacket(.formatStart(gen.startShape(for: v), autoSize: gen.autoSize)))
            contexts.append(.document)
        }
        guard let gen = generator else { return }
        if shouldProcessOutOfBand && !gen.isApplicable(typeNames(v), registry: registry) {
            if processOutOfBand(v, useToStringFallback: true, emit) { return }
        }
        if contexts.last == .document {
            _ = gen.updateGroupingKey(v)
            pushGroup(emit)
            emit(FormatPacket(.entry(gen.payload(v), outOfBand: false)))
        } else if gen.updateGroupingKey(v) {
            // A sibling group: a blank line, close the current group, open the next.
            emit(FormatPacket(.entry(.complex(""), outOfBand: true)))
            popGroup(emit)
            pushGroup(emit)
            emit(FormatPacket(.entry(gen.payload(v), outOfBand: false)))
        } else {
            emit(FormatPacket(.entry(gen.payload(v), outOfBand: false)))
        }
    }

    private func pushGroup(_ emit: (FormatPacket) -> Void) {
        emit(FormatPacket(.groupStart(groupLabel: generator?.groupLabel())))
        contexts.append(.group)
    }

    private func popGroup(_ emit: (FormatPacket) -> Void) {
        emit(FormatPacket(.groupEnd))
        contexts.removeLast()
    }

    /// Formats an object on its own when it has an out-of-band view, is a scalar, has no
    /// properties, or (with `useToStringFallback`) does not fit the current view.
    private func processOutOfBand(_ v: Value, useToStringFallback: Bool, _ emit: (FormatPacket) -> Void) -> Bool {
        let names = typeNames(v)
        // By type name, as pwsh's out-of-band ErrorRecord view: Get-Error's records are named
        // ErrorRecord#PSExtendedError instead, for their own view.
        if case .object(let o) = v, let record = o as? ErrorRecord, names.contains("System.Management.Automation.ErrorRecord") {
            emit(FormatPacket(.entry(.errorRecord(record), outOfBand: true)))
            return true
        }
        if case .object(let o) = v, let record = o as? StreamRecord {
            // PowerShellCore.format.ps1xml: "WARNING: " + $_.Message (and VERBOSE:, DEBUG:).
            emit(FormatPacket(.entry(.rawText(record.displayPrefix + record.message), outOfBand: true)))
            return true
        }
        if let view = registry.outOfBandView(forTypeNames: names) {
            let gen = ViewGenerator(shape: view.control.shape == .custom ? .custom : .list, view: view, options: nil,
                                    firstObject: v, source: source, text: text)
            emit(FormatPacket(.entry(gen.payload(v), outOfBand: true)))
            return true
        }
        if ValueText.isScalar(v, typeNames: names) || source.propertyNames(v).isEmpty {
            emit(FormatPacket(.entry(.rawText(source.toString(v)), outOfBand: true)))
            return true
        }
        if !useToStringFallback { return false }
        let gen = ViewGenerator(shape: .list, view: nil, options: nil, firstObject: v, source: source, text: text)
        emit(FormatPacket(.entry(gen.listEntry(v), outOfBand: true)))
        return true
    }

    /// pwsh's FormatViewManager.Initialize: the view for the first object.
    private func selectGenerator(for v: Value) -> ViewGenerator {
        let names = typeNames(v)
        guard let shape = requestedShape else {
            if let view = registry.view(forTypeNames: names) {
                return ViewGenerator(shape: view.control.shape, view: view, options: options, firstObject: v, source: source, text: text)
            }
            return fromProperties(nil, v)
        }
        if let props = options?.properties, !props.isEmpty {
            return fromProperties(shape, v)
        }
        if let name = options?.viewName, let view = registry.view(forTypeNames: names, shape: shape, name: name) {
            return ViewGenerator(shape: shape, view: view, options: options, firstObject: v, source: source, text: text)
        }
        if let view = registry.view(forTypeNames: names, shape: shape) {
            return ViewGenerator(shape: shape, view: view, options: options, firstObject: v, source: source, text: text)
        }
        return fromProperties(shape, v)
    }

    private func fromProperties(_ shape: FormatShape?, _ v: Value) -> ViewGenerator {
        var s = shape ?? .table
        if shape == nil {
            let count: Int
            if let d = source.defaultDisplayProperties(v), !d.isEmpty {
                count = d.count
            } else {
                count = Set(source.propertyNames(v).map { $0.lowercased() }).count
            }
            s = count <= 4 ? .table : .list
        }
        return ViewGenerator(shape: s, view: nil, options: options, firstObject: v, source: source, text: text)
    }
}
