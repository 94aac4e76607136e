import XCTest
@testable import PowerShellRuntime

/// .NET's unstable introspective sort: it must sort every size (insertion sort up to 16,
/// quicksort partitions above, heapsort past the depth limit) and leave ties where .NET does.
final class IntrospectiveSortTests: XCTestCase {
    func testSortsEverySize() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 3, 5, 16, 17, 40, 100, 1000] {
            for _ in 0..<20 {
                var items = (0..<size).map { _ in Int.random(in: 0..<50, using: &generator) }
                IntrospectiveSort.sort(&items) { $0 < $1 ? -1 : ($0 == $1 ? 0 : 1) }
                XCTAssertEqual(items, items.sorted(), "size \(size)")
            }
        }
        // Many equal keys, and an organ-pipe shape.
        var pipe = Array(0..<500) + Array((0..<500).reversed())
        IntrospectiveSort.sort(&pipe) { $0 < $1 ? -1 : ($0 == $1 ? 0 : 1) }
        XCTAssertEqual(pipe, pipe.sorted())
    }

    /// Three elements are put in order by three compare-and-swaps: equal first two keep their
    /// order, an equal pair split by a greater one swaps (pwsh's Sort-Object -Descending
    /// -Unique keeps the second 'smith'; Sort-Object.Tests.ps1 at v7.6.5).
    func testTieOrderOfThree() {
        var items = [("a", 1), ("b", 1), ("c", 2)]
        IntrospectiveSort.sort(&items) { x, y in y.1 - x.1 }
        XCTAssertEqual(items.map { $0.0 }, ["c", "b", "a"])
    }
}
