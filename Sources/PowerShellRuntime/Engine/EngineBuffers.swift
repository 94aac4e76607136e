/// A growable run of elements in memory of its own, for state the evaluator touches on every
/// call: appending is a store, where a Swift array held by a class checks its uniqueness on
/// every change. The owner frees it (`free()`) in its deinit.
struct EngineBuffer<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    /// Ends the elements' lives and gives the memory back; the buffer is not used again.
    func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Takes the last element out (the caller checked `count > 0`).
    @inline(__always)
    mutating func removeLast() -> Element {
        count -= 1
        return (base + count).move()
    }

    /// Ends every element's life one by one (no generic array destroy on the hot path).
    mutating func removeAll() {
        var i = 0
        while i < count {
            _ = (base + i).move()
            i += 1
        }
        count = 0
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}

/// Spare objects kept for reuse, at most `limit` of them: taking one and giving one back is a
/// load and a store.
final class SparePool<T: AnyObject> {
    private var items: EngineBuffer<T>
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        items = EngineBuffer(capacity: limit)
    }

    deinit { items.free() }

    /// No room for another (`push` must not be called).
    var isFull: Bool {
        @inline(__always) get { items.count == limit }
    }

    @inline(__always)
    func pop() -> T? {
        items.count == 0 ? nil : items.removeLast()
    }

    /// Keeps `item` (the caller checked `isFull`).
    @inline(__always)
    func push(_ item: T) {
        items.append(item)
    }
}
