import XCTest
import TestSupport
import PowerShellRuntime
@testable import PowerShellFormatting

/// Out-Default against the oracle's formatting cases.
final class OutDefaultTests: XCTestCase {
    /// These tests compare with what pwsh printed: without the oracle they are skipped, saying so.
    override func setUpWithError() throws {
        _ = try SharedEvidence.requireOracle()
    }

    func testBoolsNullsInTables() {
        let out = T.outDefault([T.obj(["Name": T.s("a"), "Flag": .bool(true), "Note": .null]),
                                T.obj(["Name": T.s("bb"), "Flag": .bool(false), "Note": T.s("n")])])
        assertLines(out, T.oracle("formatting/bools-nulls-in-tables.out"))
    }

    func testEmptyStringProps() {
        assertLines(T.outDefault([T.obj(["Name": T.s(""), "Value": T.s("v")])]), T.oracle("formatting/empty-string-props.out"))
    }

    func testMixedTypesSequence() {
        let out = T.outDefault([T.obj(["A": T.i(1)]), T.obj(["B": T.i(2)]), T.s("a string"), T.obj(["A": T.i(3)])])
        assertLines(out, T.oracle("formatting/mixed-types-sequence.out"))
    }

    func testNumbersInTables() {
        let out = T.outDefault([
            T.obj(["Int": T.i(5), "Double": .double(2.5), "Big": T.i(123456789), "Neg": T.i(-4), "Dec": .decimal(PSDecimal.parse("1.10")!)]),
            T.obj(["N": .double(1.5)]), T.obj(["N": T.i(100)]), T.obj(["N": .double(-0.25)]),
        ])
        assertLines(out, T.oracle("formatting/numbers-in-tables.out"))
    }

    func testObjectList5Props() {
        let out = T.outDefault([T.obj(["A": T.i(1), "B": T.s("two"), "C": .double(3.5), "D": .bool(true), "E": .null])])
        assertLines(out, T.oracle("formatting/object-list-5props.out"))
    }

    func testObjectNestedList() {
        let many = T.arr((1...10).map { T.i($0) })
        let out = T.outDefault([T.obj(["Name": T.s("n"), "List": T.arr([T.i(1), T.i(2), T.i(3)]), "Hash": T.hash(["k": T.s("v")]),
                                       "Obj": T.obj(["x": T.i(1)]), "Many": many])])
        assertLines(out, T.oracle("formatting/object-nested-list.out"))
    }

    func testObjectTableMany() {
        let rows = (1...3).map { T.obj(["Id": T.i($0), "Name": T.s("user\($0)"), "Enabled": .bool($0 % 2 == 1)]) }
        assertLines(T.outDefault(rows), T.oracle("formatting/object-table-many.out"))
    }

    func testObjectTableWideValues() {
        let out = T.outDefault([T.obj(["Short": T.s("a"), "Long": T.s(String(repeating: "x", count: 150))])])
        assertLines(out, T.oracle("formatting/object-table-wide-values.out"))
    }

    func testSameTypeSequence() {
        let out = T.outDefault([T.obj(["A": T.i(1), "B": T.i(2)]), T.obj(["A": T.i(10), "B": T.i(20)])])
        assertLines(out, T.oracle("formatting/same-type-sequence.out"))
    }

    func testScalars() {
        let values: [Value] = [T.i(42), T.i(-7), T.s("text"), T.s(""), .null, .char(0x63), .bool(true)]
        XCTAssertEqual(T.outDefault(values), ["42", "-7", "text", "", "c", "True"])
    }

    func testHashtableOutDefault() {
        let out = T.outDefault([T.hash(["a": T.i(1), "bb": T.s("x")], ordered: true)])
        XCTAssertEqual(out, ["", "Name                           Value", "----                           -----",
                             "a                              1", "bb                             x", ""])
    }

    func testSelectObjectMissingProperty() {
        // cmdlets/select-object-more: a later object without column C gets a padded empty cell.
        let out = T.outDefault([T.obj(["A": T.i(1), "C": T.i(3)]), T.obj(["A": T.i(1), "Missing": .null])])
        XCTAssertEqual(out, ["", "A C", "- -", "1 3", "1  ", ""])
    }

    func testListThenStringThenList() {
        let out = T.outDefault([T.obj(["A": T.i(1), "B": T.i(1), "C": T.i(1), "D": T.i(1), "E": T.i(1)]), T.s("x")])
        XCTAssertEqual(out, ["", "A : 1", "B : 1", "C : 1", "D : 1", "E : 1", "", "x"])
    }

    func testRegisteredViewThenOtherType() {
        // formatting/version-display: a view's table, then another type prints as its own list.
        let registry = FormatViewRegistry()
        registry.register(FormatViewDefinition(name: "V", typeNames: ["Test.Version"], control: .table(TableViewDefinition(columns: [
            .property("Major", width: 6), .property("Minor", width: 6), .property("Build", width: 6), .property("Revision", width: 8),
        ]))))
        let v = PSCustomObject([("Major", T.i(7)), ("Minor", T.i(7)), ("Build", T.i(0)), ("Revision", T.i(-1))], typeName: "Test.Version")
        let out = T.outDefault([.object(v), T.obj(["Name": T.s("MicrosoftTeams"), "Version": T.s("7.7.0")])], registry: registry)
        assertLines(out, T.oracle("formatting/version-display.out"))
    }

    func testTableTruncatedHeaderWraps() {
        // teams/t04-get-forms: Format-Table of a 4-property object wider than the screen.
        let o = T.obj(["Identity": T.s("Global"), "CallingEndtoEndEncryptionEnabledType": T.s("Disabled"),
                       "MeetingEndToEndEncryption": T.s("DisabledUserOverride"), "Description": T.s("")])
        let out = FormatCommand.render([o], shape: .table, registry: FormatViewRegistry())
        XCTAssertEqual(out, ["", "Identity CallingEndtoEndEncryptionEnabledType MeetingEndToEndEncryption Descrip",
                             "                                                                        tion",
                             "-------- ------------------------------------ ------------------------- -------",
                             "Global   Disabled                             DisabledUserOverride      ", ""])
    }
}
