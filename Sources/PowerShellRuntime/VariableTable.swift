/// A scope's variables by folded name. Most scopes (a call's parameters, a script block's
/// `$_`) hold a handful, and for those a short list searched in order beats hashing: looking a
/// name up costs a few string comparisons instead of a SipHash of the key. A scope that grows
/// past `smallLimit` (the global scope) switches to a dictionary for good.
public struct VariableTable: Sequence {
    public typealias Element = (key: String, value: PSVariable)

    static let smallLimit = 8

    private var small: ContiguousArray<Element> = []
    private var large: [String: PSVariable] = [:]
    private var isLarge = false

    public init() {}

    public subscript(key: String) -> PSVariable? {
        @inline(__always)
        get {
            if isLarge { return large[key] }
            for entry in small where entry.key == key { return entry.value }
            return nil
        }
        set {
            guard let variable = newValue else {
                removeValue(forKey: key)
                return
            }
            if isLarge {
                large[key] = variable
                return
            }
            for i in small.indices where small[i].key == key {
                small[i].value = variable
                return
            }
            if small.count < VariableTable.smallLimit {
                small.append((key, variable))
                return
            }
            large.reserveCapacity(small.count * 2 + 2)
            for entry in small { large[entry.key] = entry.value }
            large[key] = variable
            small = []
            isLarge = true
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> PSVariable? {
        if isLarge { return large.removeValue(forKey: key) }
        guard let i = small.firstIndex(where: { $0.key == key }) else { return nil }
        return small.remove(at: i).value
    }

    public var count: Int { isLarge ? large.count : small.count }
    public var isEmpty: Bool { count == 0 }
    public var keys: [String] { isLarge ? Array(large.keys) : small.map(\.key) }
    public var values: [PSVariable] { isLarge ? Array(large.values) : small.map(\.value) }

    public func makeIterator() -> IndexingIterator<[Element]> {
        let entries: [Element] = isLarge ? large.map { (key: $0.key, value: $0.value) } : Array(small)
        return entries.makeIterator()
    }
}
