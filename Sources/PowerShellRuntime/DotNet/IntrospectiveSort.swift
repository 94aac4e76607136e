import Foundation

/// The order .NET's `Array.Sort` / `List<T>.Sort` leave equal elements in. Their sort is not
/// stable: an introspective sort (median-of-three quicksort, heapsort past a depth limit,
/// insertion sort for partitions of 16 or fewer). Where pwsh sorts with it (Sort-Object without
/// -Stable, -Top or -Bottom) ties come out in that order, which scripts and tests observe, so
/// this follows the same steps: the same comparisons on the same positions give the same
/// result.
public enum IntrospectiveSort {
    /// Sorts `items` by `compare` (negative, zero, positive), as .NET does.
    public static func sort<T>(_ items: inout [T], by compare: (T, T) -> Int) {
        guard items.count > 1 else { return }
        var depthLimit = 2 * (log2(items.count) + 1)
        introSort(&items, 0, items.count, &depthLimit, compare)
    }

    private static func log2(_ n: Int) -> Int {
        Int.bitWidth - 1 - n.leadingZeroBitCount
    }

    /// Sorts `items[lo..<lo + count]`.
    private static func introSort<T>(_ items: inout [T], _ lo: Int, _ count: Int, _ depthLimit: inout Int,
                                     _ compare: (T, T) -> Int) {
        var size = count
        var limit = depthLimit
        while size > 1 {
            if size <= 16 {
                if size == 2 {
                    swapIfGreater(&items, lo, lo + 1, compare)
                } else if size == 3 {
                    swapIfGreater(&items, lo, lo + 1, compare)
                    swapIfGreater(&items, lo, lo + 2, compare)
                    swapIfGreater(&items, lo + 1, lo + 2, compare)
                } else {
                    insertionSort(&items, lo, size, compare)
                }
                return
            }
            if limit == 0 {
                heapSort(&items, lo, size, compare)
                return
            }
            limit -= 1
            let pivot = partition(&items, lo, size, compare)
            // The part right of the pivot recursively, the left part by the loop.
            var inner = limit
            introSort(&items, lo + pivot + 1, size - pivot - 1, &inner, compare)
            size = pivot
        }
    }

    private static func swapIfGreater<T>(_ items: inout [T], _ i: Int, _ j: Int, _ compare: (T, T) -> Int) {
        if compare(items[i], items[j]) > 0 { items.swapAt(i, j) }
    }

    /// Median of three as the pivot, placed next to the end; returns its final offset.
    private static func partition<T>(_ items: inout [T], _ lo: Int, _ size: Int, _ compare: (T, T) -> Int) -> Int {
        let hi = lo + size - 1
        let middle = lo + ((size - 1) >> 1)
        swapIfGreater(&items, lo, middle, compare)
        swapIfGreater(&items, lo, hi, compare)
        swapIfGreater(&items, middle, hi, compare)
        let pivot = items[middle]
        items.swapAt(middle, hi - 1)
        var left = lo
        var right = hi - 1
        while left < right {
            left += 1
            while compare(items[left], pivot) < 0 { left += 1 }
            right -= 1
            while compare(pivot, items[right]) < 0 { right -= 1 }
            if left >= right { break }
            items.swapAt(left, right)
        }
        if left != hi - 1 { items.swapAt(left, hi - 1) }
        return left - lo
    }

    private static func insertionSort<T>(_ items: inout [T], _ lo: Int, _ size: Int, _ compare: (T, T) -> Int) {
        for i in lo..<(lo + size - 1) {
            let t = items[i + 1]
            var j = i
            while j >= lo && compare(t, items[j]) < 0 {
                items[j + 1] = items[j]
                j -= 1
            }
            items[j + 1] = t
        }
    }

    private static func heapSort<T>(_ items: inout [T], _ lo: Int, _ size: Int, _ compare: (T, T) -> Int) {
        var i = size >> 1
        while i >= 1 {
            downHeap(&items, lo, i, size, compare)
            i -= 1
        }
        var n = size
        while n > 1 {
            items.swapAt(lo, lo + n - 1)
            downHeap(&items, lo, 1, n - 1, compare)
            n -= 1
        }
    }

    /// Sifts the element at heap position `i` (1-based) down a heap of `n` elements.
    private static func downHeap<T>(_ items: inout [T], _ lo: Int, _ start: Int, _ n: Int, _ compare: (T, T) -> Int) {
        var i = start
        let d = items[lo + i - 1]
        while i <= n >> 1 {
            var child = 2 * i
            if child < n && compare(items[lo + child - 1], items[lo + child]) < 0 { child += 1 }
            if !(compare(d, items[lo + child - 1]) < 0) { break }
            items[lo + i - 1] = items[lo + child - 1]
            i = child
        }
        items[lo + i - 1] = d
    }
}
