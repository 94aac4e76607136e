import Foundation

/// Runs a few independent pieces of work on the machine's processors and collects their results
/// in order: how a large world file is decoded and indexed in less time than on one processor.
enum ParallelWork {
    /// `work(0)`, `work(1)`, … `work(count - 1)`, run concurrently; results in that order.
    static func run<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [work(0)] : [] }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot.
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = work(index)
        }
        return results.compactMap { $0 }
    }

    /// The part of `0..<total` that piece `part` of `parts` covers.
    static func slice(_ total: Int, part: Int, of parts: Int) -> Range<Int> {
        let size = (total + parts - 1) / parts
        let start = min(total, part * size)
        return start..<min(total, start + size)
    }
}
