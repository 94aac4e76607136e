import XCTest
import TestSupport
import PowerShellSyntax
@testable import PowerShellRuntime

/// A call site keeps what its command name resolved to (CommandLookup.swift's `cachedLookup`)
/// only while nothing could make the name mean something else: each row runs one call site
/// many times while a definition changes under it. Expectations follow pwsh's lookup order
/// (alias, function, cmdlet) and dynamic scoping (a name is looked up from the scope the call
/// runs in, through its callers).
extension ScriptTableTests {
    func testCallSiteFollowsDefinitions() {
        check([
            // Redefined inside the loop: the same site runs the new body from then on.
            Row("function f { 'old' }; foreach ($i in 1..4) { if ($i -eq 3) { function f { 'new' } }; f }", "old\nold\nnew\nnew"),
            Row("function f { 'old' }; foreach ($i in 1..3) { if ($i -eq 2) { $function:f = { 'set' } }; f }", "old\nset\nset"),
            Row("function f { 'old' }; foreach ($i in 1..3) { if ($i -eq 2) { . { function f { 'dot' } } }; f }", "old\ndot\ndot"),
            // Defined in a child scope: seen there only; the parent's site still finds its own.
            Row("function f { 'outer' }; foreach ($i in 1..2) { & { function f { 'inner' }; f }; f }", "inner\nouter\ninner\nouter"),
            Row("foreach ($i in 1..3) { if ($i -eq 2) { & { function global:f { 'global' } } }; try { f } catch { 'none' } }", "none\nglobal\nglobal", "CommandNotFoundException"),
            // A function's site resolves from the scope it is called from.
            Row("function g { f }; function a { function f { 'a' }; g }; function b { function f { 'b' }; g }; foreach ($i in 1..2) { a; b }",
                "a\nb\na\nb"),
            Row("function f { 'top' }; function a { function f { 'a' }; g }; function g { f }; foreach ($i in 1..2) { a; g }", "a\ntop\na\ntop"),
            Row("function g { f }; function a { function f { 'a' }; g }; a; try { g } catch { 'none' }", "a\nnone", "CommandNotFoundException"),
            Row("function g { f }; function f { 'top' }; foreach ($i in 1..2) { g; & { function f { 'child' }; g } }", "top\nchild\ntop\nchild"),
            // A caller still running in another pipeline stage: its function hides the name for
            // calls made from it, though the same site found the script's function in between.
            Row("function f { 'top' }; function g { f }; function a { function f { 'a' }; 1; $x = g; \"a:$x\" }; function b { process { $_; g } }; a | b",
                "1\ntop\na:a\ntop"),
            // Advanced functions (called through the binder, not directly) under the same changes.
            Row("function f { [CmdletBinding()] param() 'old' }; foreach ($i in 1..4) { if ($i -eq 3) { function f { [CmdletBinding()] param() 'new' } }; f }",
                "old\nold\nnew\nnew"),
            Row("function f { [CmdletBinding()] param() 'outer' }; foreach ($i in 1..2) { & { function f { [CmdletBinding()] param() 'inner' }; f }; f }",
                "inner\nouter\ninner\nouter"),
            Row("function f { [CmdletBinding()] param() 'top' }; function a { function f { [CmdletBinding()] param() 'a' }; g }; function g { f }; foreach ($i in 1..2) { a; g }",
                "a\ntop\na\ntop"),
            Row("function f { [CmdletBinding()] param() 'top' }; foreach ($i in 1..3) { if ($i -eq 2) { $function:f = { 'set' } }; f }", "top\nset\nset"),
            // A function that redefines the name it is called by.
            Row("function f { 'first'; function script:f { 'second' } }; foreach ($i in 1..3) { f }", "first\nsecond\nsecond"),
            // The same site under a recursion: each depth is a new scope.
            Row("function r($n) { if ($n -gt 0) { function f { \"d$n\" }; f; r ($n - 1) } }; function f { 'top' }; r 2; f", "d2\nd1\ntop"),
        ])
    }

    /// Parameter names beyond ASCII bind by any case of their letters and by a unique prefix
    /// (OrdinalIgnoreCase: 'ß' has no one-letter upper case, so -GRÖSSE names nothing).
    func testNonAsciiParameterNames() {
        check([
            Row("function f { param($Größe) $Größe }; f -größe 1; f -GRÖßE 2; f -Größe 3", "1\n2\n3"),
            Row("function f { param($Größe) $Größe }; f -grö 4; f -GRÖ 5; f -g 6", "4\n5\n6"),
            Row("function f { [CmdletBinding()] param($Größe) $Größe }; f -GRÖSSE 1; 'next'", "next", "NamedParameterNotFound,f"),
            Row("function f { param($Größe) \"[$Größe]\"; $args }; f -GRÖSSE 1", "[]\n-GRÖSSE\n1"),
            Row("function f { param($Größe, $Grün) \"$Größe/$Grün\" }; f -grü 1 -grö 2; f -GRÜN 3", "2/1\n/3"),
            Row("function f { param($Größe, $Grün) }; f -gr 1; 'next'", "next", "AmbiguousParameter,f"),
            Row("function f { param($Éclair, $Eclair) \"$Éclair|$Eclair\" }; f -éclair 1 -eclair 2; f -ÉC 3", "1|2\n3|"),
            Row("function f { [CmdletBinding()] param($Ωmega) $PSBoundParameters.Keys; $PSBoundParameters['ωMEGA'] }; f -ωmega 7", "Ωmega\n7"),
        ])
    }

    /// StringCompare.equalsIgnoreCase: ASCII compared byte by byte, anything else by the UTF-16
    /// rule, which must give the same answer however the two kinds of text are mixed.
    func testEqualsIgnoreCase() {
        let rows: [(String, String, Bool, UInt)] = [
            ("", "", true, #line), ("a", "", false, #line), ("", "A", false, #line),
            ("Identity", "iDENTITY", true, #line), ("Identity", "Identit", false, #line), ("Identit", "Identity", false, #line),
            ("@", "`", false, #line), ("[", "{", false, #line), ("a1", "A1", true, #line), ("a1", "A2", false, #line),
            ("Größe", "GRÖßE", true, #line), ("Größe", "GRÖSSE", false, #line), ("größe", "größe", true, #line),
            ("Grö", "Größe", false, #line), ("Größe", "Grö", false, #line), ("Größe", "Grüße", false, #line),
            ("aé", "AÉ", true, #line), ("aé", "Ae", false, #line), ("é", "e\u{301}", false, #line),
            ("xÀy", "XàY", true, #line), ("xÀy", "XàZ", false, #line), ("Àb", "àc", false, #line),
            // A letter beyond ASCII that lower-cases to an ASCII one (KELVIN SIGN to 'k'): the
            // byte loop must hand it on, not call it different. NOTE: the rule folds to lower
            // case; pwsh's -eq (a culture comparison) also finds these equal, OrdinalIgnoreCase
            // (upper case) would not.
            ("k", "\u{212A}", true, #line), ("\u{212A}x", "KX", true, #line), ("ak", "A\u{212A}", true, #line),
            ("日本", "日本", true, #line), ("日本a", "日本A", true, #line), ("日本a", "日本b", false, #line),
            ("😀a", "😀A", true, #line), ("😀", "😁", false, #line), ("a😀", "A", false, #line),
        ]
        for (a, b, expected, line) in rows {
            XCTAssertEqual(StringCompare.equalsIgnoreCase(a, b), expected, "\(a) vs \(b)", line: line)
            XCTAssertEqual(StringCompare.equalsIgnoreCase(b, a), expected, "\(b) vs \(a)", line: line)
            XCTAssertEqual(StringCompare.equalsIgnoreCaseUTF16(a, b), expected, "UTF-16 rule: \(a) vs \(b)", line: line)
        }
    }

    /// A command of more than 64 parameter sets (a compiled one: a script function stops at 32)
    /// has no set bit masks; the binder picks its set by name as it does by bits below that.
    func testManyParameterSets() {
        final class SetName: Cmdlet {
            override func process(_ rt: CommandRuntime) throws { try rt.writeObject(.string(rt.bound.parameterSetName)) }
        }
        for count in [3, 63, 64, 65, 70] {
            for defaultSet in [nil, "d"] as [String?] {
                var parameters: [ParameterDeclaration] = []
                for k in 1...count {
                    parameters.append(ParameterDeclaration(name: "P\(k)", sets: [ParameterSetMembership(setName: "s\(k)", mandatory: true)]))
                }
                parameters.append(ParameterDeclaration(name: "Shared", sets: [ParameterSetMembership(setName: "s1"),
                                                                              ParameterSetMembership(setName: "s\(count)")]))
                parameters.append(ParameterDeclaration(name: "Any"))
                let declaration = CommandDeclaration(name: "Many", parameters: parameters, defaultParameterSet: defaultSet, commandType: "Cmdlet")
                var rows = [
                    Row("Many -P\(count) 1", "s\(count)"),
                    Row("Many -P1 1 -Any 2", "s1"),
                    Row("Many -Shared 1 -P\(count) 2", "s\(count)"),
                    Row("Many -P\(count - 1) 1 -Any 2; Many -any 2 -p\(count - 1) 3", "s\(count - 1)\ns\(count - 1)"),
                    Row("Many -P1 1 -P\(count) 2; 'next'", "next", "AmbiguousParameterSet,Many"),
                    Row("Many -Shared 1 -P2 2; 'next'", "next", "AmbiguousParameterSet,Many"),
                ]
                if defaultSet != nil { rows.append(Row("Many -Any 1", "d")) }
                check(rows) { row in
                    let host = BufferHost()
                    let context = ExecutionContext(host: host)
                    context.nonInteractive = true
                    context.register([CmdletRegistration(declaration: declaration, type: SetName.self)])
                    _ = context.runTopLevel(SourceText(text: row.script, path: "/tmp/case/t.ps1"), asScriptFile: true)
                    let output = host.output
                    host.output = ""
                    _ = context.runTopLevel(SourceText(text: "if ($Error.Count) { $Error[0].FullyQualifiedErrorId }", path: "/tmp/case/e.ps1"),
                                            asScriptFile: true)
                    let id = host.output.trimmingCharacters(in: .whitespacesAndNewlines)
                    if output != (row.expected.isEmpty ? "" : row.expected + "\n") { print("sets: \(count), default: \(defaultSet ?? "none")") }
                    return ScriptResult(output: output, errors: host.errors, errorId: id.isEmpty ? nil : id)
                }
            }
        }
    }
}
