import XCTest
import TestSupport
import PowerShellRuntime
@testable import PowerShellFormatting

/// Format-List / Format-Table through the packets, against the oracle.
final class FormatCommandTests: XCTestCase {
    /// These tests compare with what pwsh printed: without the oracle they are skipped, saying so.
    override func setUpWithError() throws {
        _ = try SharedEvidence.requireOracle()
    }

    let registry = FormatViewRegistry()

    func testFormatListLong() {
        let o = T.obj(["Name": T.s("long"), "Text": T.s(String(repeating: "y", count: 200))])
        assertLines(FormatCommand.render([o], shape: .list, registry: registry), T.oracle("formatting/format-list-long.out"))
    }

    func testFormatListMultiline() {
        let o = T.obj(["Name": T.s("multi"), "Text": T.s("line1\nline2\nline3")])
        assertLines(FormatCommand.render([o], shape: .list, registry: registry), T.oracle("formatting/format-list-multiline.out"))
    }

    func testFormatListOptions() {
        let o = T.obj(["Name": T.s("x"), "Size": T.i(10), "Color": T.s("red")])
        var out = FormatCommand.render([o], shape: .list, registry: registry)
        out += FormatCommand.render([o], shape: .list, options: FormatOptions(properties: [.name("Name"), .name("Size")]), registry: registry)
        out += FormatCommand.render([o], shape: .list, options: FormatOptions(properties: [.name("*")]), registry: registry)
        out += FormatCommand.render([o], shape: .list, options: FormatOptions(properties: [.name("N*")]), registry: registry)
        assertLines(out, T.oracle("formatting/format-list-options.out"))
    }

    func testFormatTableGroupBy() {
        let data = [("IT", "a"), ("IT", "b"), ("HR", "c")].map { T.obj(["Dept": T.s($0.0), "Name": T.s($0.1)]) }
        let out = FormatCommand.render(data, shape: .table, options: FormatOptions(groupBy: .name("Dept")), registry: registry)
        assertLines(out, T.oracle("formatting/format-table-groupby.out"))
    }

    func testHashtableFormatList() {
        let out = FormatCommand.render([T.hash(["alpha": T.i(1)])], shape: .list, registry: registry)
        assertLines(out, T.oracle("formatting/hashtable-list-display.out"))
    }

    func testFormatWide() {
        let items = ["alpha", "beta", "gamma"].map { T.obj(["Name": T.s($0), "Size": T.i(1)]) }
        let out = FormatCommand.render(items, shape: .wide, registry: registry)
        XCTAssertEqual(out, ["", "alpha" + String(repeating: " ", count: 34) + " beta", "gamma" + String(repeating: " ", count: 34) + " ", ""])
        let auto = FormatCommand.render(items, shape: .wide, options: FormatOptions(autoSize: true), registry: registry)
        // 13 items of 5 cells fit in 79 columns; the writer spreads them over the width.
        XCTAssertEqual(auto.count, 3)
        XCTAssertTrue(auto[1].hasPrefix("alpha  beta   gamma "))
    }

    func testCalculatedPropertyAndOutString() {
        let o = T.obj(["Name": T.s("x"), "Size": T.i(10)])
        let spec = PropertySpec.calculated(label: "Double") { v in
            if case .int(let n)? = v.reference.flatMap({ ($0 as? PSCustomObject)?.get("Size") }) { return .int(n * 2) }
            return .null
        }
        let packets = FormatCommand(shape: .table, options: FormatOptions(properties: [.name("Name"), spec]), registry: registry)
        var values = packets.process(o)
        values += packets.end()
        let text = OutputFormatter.outStringText(values, registry: registry)
        XCTAssertEqual(text, "\nName Double\n---- ------\nx        20\n\n")
    }

    func testCsvTableThenStringInline() {
        // cmdlets/csv-import-file: a Format-Table, then a new table, then a string inside it.
        let u1 = T.obj(["UserPrincipalName": T.s("jay1@JayTheAmazing.onmicrosoft.com"), "DisplayName": T.s("Jay One"), "Policy": T.s("CustomeE2EEPolicy")])
        let u2 = T.obj(["UserPrincipalName": T.s("jay2@JayTheAmazing.onmicrosoft.com"), "DisplayName": T.s("Two, Jay"), "Policy": T.s("")])
        let cmd = FormatCommand(shape: .table, registry: registry)
        var values = cmd.process(u1) + cmd.process(u2) + cmd.end()
        values.append(T.obj(["A": T.s("UserPrincipalName"), "B": T.s("DisplayName"), "C": T.s("Policy")]))
        values.append(T.s("jay1@JayTheAmazing.onmicrosoft.com"))
        let out = T.outDefault(values)
        let expected = T.oracle("cmdlets/csv-import-file.out").map { Array($0.dropFirst(3)) }
        assertLines(out, expected)
    }
}
