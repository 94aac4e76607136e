import XCTest
@testable import PowerShellRuntime

final class MembersCollectionsTests: XCTestCase {
    private func ints(_ n: ClosedRange<Int32>) -> Value { .object(PSArray(n.map { .int($0) })) }

    func testArrayProperties() throws {
        let a = MT.arr(.string("x"), .string("y"))
        XCTAssertEqual(MT.text(try MT.prop(a, "Length") ?? .null), "2")
        XCTAssertEqual(MT.text(try MT.prop(a, "Count") ?? .null), "2")
        XCTAssertEqual(MT.text(try MT.prop(a, "Rank") ?? .null), "1")
        XCTAssertEqual(MT.text(try MT.prop(a, "IsFixedSize") ?? .null), "True")
    }

    /// oracle semantics/s14-method-on-collection: member enumeration of methods and properties.
    func testMemberEnumeration() throws {
        XCTAssertEqual(MT.text(try MT.call(MT.arr(.string("a"), .string("b")), "ToUpper", [])), "A|B")
        XCTAssertEqual(MT.text(try MT.call(MT.arr(.int(1), .int(2)), "GetType", [])), "System.Object[]")
        let people = MT.arr(.object(PSCustomObject([("Name", .string("a"))])), .object(PSCustomObject([("Name", .string("b"))])))
        XCTAssertEqual(MT.text(try MT.prop(people, "Name") ?? .null), "a|b")
        let one = MT.arr(.object(PSCustomObject([("Name", .string("a"))])))
        XCTAssertEqual(MT.type(try MT.prop(one, "Name") ?? .null), "String")
        XCTAssertNil(try MT.prop(people, "Missing"))
        let f = MT.failure { try MT.call(MT.arr(), "Foo", []) }
        XCTAssertEqual(f?.1, "Method invocation failed because [System.Object[]] does not contain a method named 'Foo'.")
        let g = MT.failure { try MT.call(MT.arr(.int(1)), "Foo", []) }
        XCTAssertEqual(g?.1, "Method invocation failed because [System.Int32] does not contain a method named 'Foo'.")
    }

    /// about_Member-Access_Enumeration: once one PSCustomObject has the property, the others give
    /// $null in their places; `$hashtable.psbase.Keys` is the key collection even with a key
    /// named keys; a List's ToString() is its type in .NET's `Type.ToString()` form.
    func testPartialMembersBaseViewAndListToString() throws {
        let mixed = MT.arr(.object(PSCustomObject([("Foo", .string("Foo"))])), .object(PSCustomObject([("Bar", .string("Bar"))])),
                           .int(5))
        XCTAssertEqual(MT.text(try MT.prop(mixed, "Foo") ?? .null), "Foo|")
        let none = MT.arr(.object(PSCustomObject([("Bar", .string("Bar"))])))
        XCTAssertNil(try MT.prop(none, "Foo"))
        let h = PSHashtable()
        h.set(.string("keys"), .string("a key named keys"))
        h.set(.string("one"), .int(1))
        let base = try MT.prop(.object(h), "psbase") ?? .null
        XCTAssertEqual(MT.text(try MT.prop(base, "Keys") ?? .null), "keys|one")
        XCTAssertEqual(MT.text(try MT.prop(.object(h), "Keys") ?? .null), "a key named keys")
        let list = PSArray([.string("a")], kind: .genericList(elementType: "System.String"))
        XCTAssertEqual(MT.text(try MT.call(.object(list), "ToString", [])), "System.Collections.Generic.List`1[System.String]")
    }

    func testIntrinsicCount() throws {
        XCTAssertEqual(MT.text(try MT.prop(.null, "Count") ?? .string("nil")), "0")
        XCTAssertEqual(MT.text(try MT.prop(.int(5), "Count") ?? .string("nil")), "1")
        XCTAssertEqual(MT.text(try MT.prop(.int(5), "Length") ?? .string("nil")), "1")
        XCTAssertNil(try Members.getProperty(.int(5), "Count", hooks: MT.hooks, strict: true))
    }

    /// oracle semantics/s21-where-foreach-methods.
    func testWhereAndForEach() throws {
        let hooks = MT.fakeHooks([
            " $_ -gt 7 ": { v, _ in if case .int(let i) = v { return [.bool(i > 7)] }; return [] },
            " $_ -gt 3 ": { v, _ in if case .int(let i) = v { return [.bool(i > 3)] }; return [] },
            " $_ % 2 ": { v, _ in if case .int(let i) = v { return [.int(i % 2)] }; return [] },
            " $_ * $_ ": { v, _ in if case .int(let i) = v { return [.int(i * i)] }; return [] },
        ])
        XCTAssertEqual(MT.text(try MT.call(ints(1...10), "Where", [MT.block(" $_ -gt 7 ")], hooks: hooks)), "8|9|10")
        XCTAssertEqual(MT.text(try MT.call(ints(1...10), "Where", [MT.block(" $_ -gt 3 "), .string("Last"), .int(2)], hooks: hooks)), "9|10")
        XCTAssertEqual(MT.text(try MT.call(ints(1...10), "Where", [MT.block(" $_ -gt 3 "), .string("First")], hooks: hooks)), "4")
        XCTAssertEqual(MT.text(try MT.call(ints(1...6), "Where", [MT.block(" $_ -gt 3 "), .string("SkipUntil")], hooks: hooks)), "4|5|6")
        XCTAssertEqual(MT.text(try MT.call(ints(1...6), "Where", [MT.block(" $_ -gt 3 "), .string("Until")], hooks: hooks)), "1|2|3")
        let split = try MT.call(ints(1...5), "Where", [MT.block(" $_ % 2 "), .string("Split")], hooks: hooks)
        XCTAssertEqual(split.array.map { MT.text($0.items[1]) }, "2|4")
        XCTAssertEqual(MT.text(try MT.call(ints(1...3), "ForEach", [MT.block(" $_ * $_ ")], hooks: hooks)), "1|4|9")
        XCTAssertEqual(MT.text(try MT.call(MT.arr(.string("a"), .string("bb")), "ForEach", [.string("Length")])), "1|2")
        XCTAssertEqual(MT.text(try MT.call(MT.arr(.string("ab"), .string("cb")), "ForEach", [.string("Replace"), .string("b"), .string("x")])), "ax|cx")
        XCTAssertEqual(MT.text(try MT.call(.string("x"), "ForEach", [.string("Length")])), "1")
    }

    func testArrayListAndList() throws {
        let al = Value.object(PSArray([], kind: .arrayList))
        XCTAssertEqual(MT.text(try MT.call(al, "Add", [.string("a")])), "0")
        XCTAssertEqual(MT.type(try MT.call(al, "Add", [.string("b")])), "Int32")
        _ = try MT.call(al, "Insert", [.int(0), .string("z")])
        XCTAssertEqual(MT.text(al), "z|a|b")
        _ = try MT.call(al, "Remove", [.string("a")])
        _ = try MT.call(al, "RemoveAt", [.int(0)])
        XCTAssertEqual(MT.text(al), "b")
        let list = try MT.callStatic("System.Collections.Generic.List[int]", "new", [])
        XCTAssertTrue(try MT.call(list, "Add", [.string("5")]).isVoidResult)
        XCTAssertEqual(MT.type(list.array?.items.first ?? .null), "Int32")
        _ = try MT.call(list, "AddRange", [MT.arr(.int(3), .int(1))])
        XCTAssertEqual(MT.text(try MT.call(list, "Contains", [.string("3")])), "True")
        _ = try MT.call(list, "Sort", [])
        XCTAssertEqual(MT.text(list), "1|3|5")
        XCTAssertEqual(MT.text(try MT.call(list, "Remove", [.int(3)])), "True")
        XCTAssertEqual(MT.text(try MT.call(list, "IndexOf", [.int(5)])), "1")
        XCTAssertEqual(MT.type(try MT.call(list, "ToArray", [])), "Int32[]")
        XCTAssertEqual(MT.text(try MT.prop(list, "Count") ?? .null), "2")
    }

    func testFixedSizeArrayErrors() {
        let f = MT.failure { try MT.call(MT.arr(.int(1)), "Add", [.int(2)]) }
        XCTAssertEqual(f?.0, "NotSupportedException")
        XCTAssertEqual(f?.1, "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\"")
    }

    func testArrayMethods() throws {
        let a = MT.arr(.int(3), .int(1), .int(2))
        XCTAssertEqual(MT.text(try MT.call(a, "Contains", [.int(1)])), "True")
        XCTAssertEqual(MT.text(try MT.call(a, "Contains", [.string("1")])), "False")
        XCTAssertEqual(MT.text(try MT.call(a, "IndexOf", [.int(2)])), "2")
        _ = try MT.callStatic("array", "Sort", [a])
        XCTAssertEqual(MT.text(a), "1|2|3")
        _ = try MT.callStatic("array", "Reverse", [a])
        XCTAssertEqual(MT.text(a), "3|2|1")
        XCTAssertEqual(MT.text(try MT.callStatic("array", "IndexOf", [a, .int(1)])), "2")
        let c = try MT.call(a, "Clone", [])
        XCTAssertFalse(c.reference === a.reference)
        XCTAssertEqual(MT.text(c), "3|2|1")
    }

    /// oracle language/hashtable-ops.
    func testHashtable() throws {
        let h = PSHashtable()
        let hv = Value.object(h)
        try Members.setProperty(hv, "a", .int(1), hooks: MT.hooks)
        h.set(.string("b"), .int(2))
        XCTAssertEqual(MT.text(try MT.prop(hv, "Count") ?? .null), "2")
        XCTAssertEqual(MT.text(try MT.prop(hv, "A") ?? .null), "1")
        XCTAssertEqual(MT.text(try MT.call(hv, "ContainsKey", [.string("A")])), "True")
        XCTAssertEqual(MT.text(try MT.call(hv, "ContainsValue", [.int(2)])), "True")
        _ = try MT.call(hv, "Add", [.string("c"), .int(3)])
        let f = MT.failure { try MT.call(hv, "Add", [.string("c"), .int(4)]) }
        XCTAssertEqual(f?.0, "ArgumentException")
        XCTAssertEqual(f?.1, "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: 'c'  Key being added: 'c'\"")
        _ = try MT.call(hv, "Remove", [.string("c")])
        let clone = try MT.call(hv, "Clone", [])
        try Members.setProperty(clone, "z", .int(26), hooks: MT.hooks)
        XCTAssertEqual(h.count, 2)
        XCTAssertEqual(MT.text(try MT.prop(clone, "Count") ?? .null), "3")
        XCTAssertEqual(MT.text(try MT.prop(hv, "Keys") ?? .null), "a|b")
        let entries = try MT.call(hv, "GetEnumerator", [])
        XCTAssertEqual(MT.text(try MT.prop(entries, "Key") ?? .null), "a|b")
        XCTAssertEqual(MT.text(try MT.prop(entries, "Name") ?? .null), "a|b")
        // A key shadows the Count property, as in pwsh.
        let shadow = PSHashtable()
        shadow.set(.string("Count"), .string("many"))
        XCTAssertEqual(MT.text(try MT.prop(.object(shadow), "Count") ?? .null), "many")
    }

    func testOrderedInsert() throws {
        let o = PSHashtable(ordered: true)
        o.set(.string("z"), .int(1))
        o.set(.string("a"), .int(2))
        _ = try MT.call(.object(o), "Insert", [.int(0), .string("first"), .int(0)])
        XCTAssertEqual(o.keys.map { MT.text($0) }.joined(separator: ","), "first,z,a")
    }

    /// oracle semantics/s22-psobject-inspection.
    func testPSObjectProperties() throws {
        let o = Value.object(PSCustomObject([("A", .int(1)), ("B", .string("two"))]))
        let view = try MT.prop(o, "PSObject") ?? .null
        let props = try MT.prop(view, "Properties") ?? .null
        let items = Members.enumeratedItems(props) ?? []
        let lines = try items.map { p in
            "\(MT.text(try MT.prop(p, "Name") ?? .null)):\(MT.text(try MT.prop(p, "TypeNameOfValue") ?? .null)):\(MT.text(try MT.prop(p, "Value") ?? .null))"
        }
        XCTAssertEqual(lines, ["A:System.Int32:1", "B:System.String:two"])
        let a = try Members.index(props, .string("A"), hooks: MT.hooks) ?? .null
        XCTAssertEqual(MT.text(try MT.prop(a, "Value") ?? .null), "1")
        XCTAssertEqual(MT.text(try MT.prop(a, "MemberType") ?? .null), "NoteProperty")
        XCTAssertEqual(MT.text(try MT.prop(try MT.call(props, "Match", [.string("B")]), "Count") ?? .null), "1")
        let names = try MT.prop(view, "TypeNames") ?? .null
        _ = try MT.call(names, "Insert", [.int(0), .string("My.Type")])
        XCTAssertEqual(Members.typeNames(o).first, "My.Type")
    }

    func testInstanceMembers() throws {
        let obj = PSCustomObject([("A", .int(2))])
        let table = PSMemberTable()
        guard case .object(let sb) = MT.block(" $this.A * 2 "), let block = sb as? ScriptBlock else { return XCTFail() }
        table.set(PSMember(name: "Double", kind: .scriptMethod(block)))
        table.set(PSMember(name: "Twice", kind: .scriptProperty(getter: block, setter: nil)))
        table.set(PSMember(name: "Alias", kind: .aliasProperty("A")))
        obj.instanceMembers = table
        let hooks = MT.fakeHooks([" $this.A * 2 ": { this, _ in [.int(4)] }])
        XCTAssertEqual(MT.text(try MT.call(.object(obj), "double", [], hooks: hooks)), "4")
        XCTAssertEqual(MT.text(try Members.getProperty(.object(obj), "Twice", hooks: hooks) ?? .null), "4")
        XCTAssertEqual(MT.text(try MT.prop(.object(obj), "Alias") ?? .null), "2")
        let f = MT.failure { try Members.setProperty(.object(obj), "Twice", .int(1), hooks: hooks); return .null }
        XCTAssertEqual(f?.1, "'Twice' is a ReadOnly property.")
    }

    func testSetPropertyErrors() {
        let f = MT.failure { try Members.setProperty(.object(PSCustomObject()), "Nope", .int(1), hooks: MT.hooks); return .null }
        XCTAssertEqual(f?.0, "PropertyAssignmentException")
        XCTAssertEqual(f?.1, "The property 'Nope' cannot be found on this object. Verify that the property exists and can be set.")
        let g = MT.failure { try Members.setProperty(.null, "Nope", .int(1), hooks: MT.hooks); return .null }
        XCTAssertEqual(g?.0, "PropertyNotFound")
        let r = MT.failure { try Members.setProperty(.string("abc"), "Length", .int(1), hooks: MT.hooks); return .null }
        XCTAssertEqual(r?.1, "'Length' is a ReadOnly property.")
    }

    func testGetTypeAndNames() throws {
        let t = try MT.call(MT.arr(.int(1)), "GetType", [])
        XCTAssertEqual(MT.text(try MT.prop(t, "Name") ?? .null), "Object[]")
        XCTAssertEqual(MT.text(try MT.prop(try MT.call(.int(1), "GetType", []), "FullName") ?? .null), "System.Int32")
        XCTAssertEqual(Members.propertyNames(.object(PSCustomObject([("X", .int(1)), ("Y", .int(2))]))), ["X", "Y"])
        XCTAssertTrue(Members.methodNames(.string("")).contains("Substring"))
    }
}
