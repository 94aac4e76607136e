import XCTest
import TestSupport
import PowerShellRuntime
@testable import PowerShellFormatting

/// A stand-in for the runtime's native objects (DateTime, TimeSpan, Guid).
final class FakeNative: PSNativeObject {
    let type: String
    let props: [(String, Value)]
    let text: String

    init(_ type: String, _ props: [(String, Value)], text: String) {
        self.type = type
        self.props = props
        self.text = text
    }

    override var typeFullName: String { type }
    override var typeHierarchy: [String] { [type, "System.ValueType", "System.Object"] }
    override var propertyNames: [String] { props.map { $0.0 } }
    override func property(_ name: String) -> Value? { props.first { $0.0.lowercased() == name.lowercased() }?.1 }
    override func toPSString() -> String { text }
}

/// Built-in views and module-registered views.
final class BuiltInViewTests: XCTestCase {
    /// These tests compare with what pwsh printed: without the oracle they are skipped, saying so.
    override func setUpWithError() throws {
        _ = try SharedEvidence.requireOracle()
    }

    func testDateTimeCustomViewThenObjectList() {
        let d = FakeNative("System.DateTime", [("Date", .null), ("DateTime", .string("Tuesday, March 5, 2024 2:07:09\u{202F}PM"))],
                           text: "3/5/2024 2:07:09\u{202F}PM")
        let out = T.outDefault([.object(d), T.obj(["When": .object(d)])])
        assertLines(out, T.oracle("formatting/datetime-display.out"))
    }

    func testTimeSpanListView() {
        let names = ["Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds"]
        let values: [Value] = [T.i(0), T.i(1), T.i(30), T.i(0), T.i(0), .long(54000000000), .double(0.0625), .double(1.5), .double(90), .double(5400), .double(5400000)]
        let ts = FakeNative("System.TimeSpan", Array(zip(names, values)) + [("Microseconds", T.i(0))], text: "01:30:00")
        assertLines(T.outDefault([.object(ts)]), T.oracle("formatting/timespan-display.out"))
    }

    func testGuidTable() {
        let g = FakeNative("System.Guid", [("Guid", .string("d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9"))], text: "d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9")
        assertLines(T.outDefault([.object(g)]), T.oracle("formatting/guid-display.out"))
    }

    func testPSGetTableView() {
        // psget/g01-installed: the module's table view, its last column squeezed to one cell.
        let registry = FormatViewRegistry()
        registry.register(FormatViewDefinition(name: "PSRepositoryItemInfo", typeNames: ["Microsoft.PowerShell.Commands.PSRepositoryItemInfo"],
                                               control: .table(TableViewDefinition(columns: [
                                                   .property("Version", width: 20), .property("Name", width: 35),
                                                   .property("Repository", width: 20), .property("Description"),
                                               ]))))
        let m = PSCustomObject([("Name", T.s("MicrosoftTeams")), ("Version", T.s("2.3.1")), ("Repository", T.s("PSGallery")),
                                ("Description", T.s("Microsoft Teams cmdlets module"))], typeName: "Microsoft.PowerShell.Commands.PSRepositoryItemInfo")
        let selected = PSCustomObject([("Name", T.s("MicrosoftTeams")), ("Version", T.s("2.3.1")), ("Repository", T.s("PSGallery"))])
        let out = T.outDefault([.object(m), .object(selected), T.s("/root/.local/share/powershell/Modules/MicrosoftTeams/2.3.1"), .bool(true)], registry: registry)
        assertLines(out, T.oracle("psget/g01-installed.out"))
    }

    func testTeamsPolicyListView() {
        let registry = FormatViewRegistry()
        let type = "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsEnhancedEncryptionPolicy"
        registry.register(FormatViewDefinition(name: "TeamsEnhancedEncryptionPolicy", typeNames: [type], control: .list([
            .property("Identity"), .property("CallingEndtoEndEncryptionEnabledType"), .property("MeetingEndToEndEncryption"), .property("Description"),
        ])))
        let p = PSCustomObject([("Identity", T.s("Global")), ("CallingEndtoEndEncryptionEnabledType", T.s("DisabledUserOverride")),
                                ("MeetingEndToEndEncryption", T.s("DisabledUserOverride")), ("Description", .null)], typeName: type)
        assertLines(T.outDefault([.object(p)], registry: registry), T.oracle("teams/t12-global-edit.out"))
    }

    func testFixed2() {
        XCTAssertEqual(ValueText.fixed2(2.5), "2.50")
        XCTAssertEqual(ValueText.fixed2(-0.25), "-0.25")
        XCTAssertEqual(ValueText.fixed2(1234.56789), "1234.57")
        XCTAssertEqual(ValueText.fixed2(0.125), "0.13")
        XCTAssertEqual(ValueText.fixed2(99.999), "100.00")
        XCTAssertEqual(ValueText.fixed2(-0.001), "0.00")
        XCTAssertEqual(ValueText.fixed2(PSDecimal.parse("4567.123456789")!), "4567.12")
        XCTAssertEqual(ValueText.fixed2(PSDecimal.parse("1.1")!), "1.10")
    }

    func testDoublesInGeneratedTable() {
        let out = T.outDefault([T.obj(["N": .double(1.5), "S": T.s("a")]), T.obj(["N": .double(100), "S": T.s("b")])])
        XCTAssertEqual(out, ["", "     N S", "     - -", "  1.50 a", "100.00 b", ""])
    }

    func testDisplayCellsWide() {
        XCTAssertEqual(DisplayCells.width("日本語"), 6)
        XCTAssertEqual(DisplayCells.width("abc"), 3)
        let out = T.outDefault([T.obj(["Name": T.s("日本"), "X": T.i(1)])])
        XCTAssertEqual(out, ["", "Name X", "---- -", "日本 1", ""])
    }
}

/// Write-Host's text, against formatting/write-host-variants.
final class HostTextTests: XCTestCase {
    func testWriteHostVariants() {
        XCTAssertEqual(HostText.writeHost([T.s("a"), T.s("b"), T.s("c")]), "a b c")
        XCTAssertEqual(HostText.writeHost([T.arr([T.i(1), T.i(2), T.i(3)])], separator: "|"), "1|2|3")
        XCTAssertEqual(HostText.writeHost([T.arr([T.i(1), T.i(2)])]), "1 2")
        XCTAssertEqual(HostText.writeHost([.null]), "")
        XCTAssertEqual(HostText.writeHost([T.obj(["a": T.i(1)])]), "@{a=1}")
        XCTAssertEqual(HostText.writeHost([T.hash(["k": T.s("v")])]), "[k, v]")
        XCTAssertEqual(HostText.streamLine(.warning, "careful"), "WARNING: careful")
    }
}
