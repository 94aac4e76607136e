import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// ConvertTo-Json / ConvertFrom-Json / Test-Json, with what pwsh 7.6 prints (docs examples,
/// the oracle's formatting/convertfrom-json-variants case, Json.NET's number and date text).
final class JsonCmdletsTests: XCTestCase {
    func testConvertToJson() {
        check([
            ScriptCase("@{a=1} | ConvertTo-Json -Compress", #"{"a":1}"#),
            ScriptCase("[pscustomobject]@{a=1;b='x'} | ConvertTo-Json", "{\n  \"a\": 1,\n  \"b\": \"x\"\n}"),
            ScriptCase("[ordered]@{z=1;a=@(1,2);e=@()} | ConvertTo-Json", "{\n  \"z\": 1,\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": []\n}"),
            ScriptCase("ConvertTo-Json @()", "[]"),
            ScriptCase("[pscustomobject]@{} | ConvertTo-Json", "{}"),
            ScriptCase("@() | ConvertTo-Json", ""),
            ScriptCase("1,2 | ConvertTo-Json -Compress", "[1,2]"),
            ScriptCase("'x' | ConvertTo-Json -AsArray -Compress", #"["x"]"#),
            ScriptCase("$null | ConvertTo-Json", "null"),
            ScriptCase("1.0 | ConvertTo-Json", "1.0"),
            ScriptCase("1.5 | ConvertTo-Json", "1.5"),
            ScriptCase("1e20 | ConvertTo-Json", "1E+20"),
            ScriptCase("(0.1 + 0.2) | ConvertTo-Json", "0.30000000000000004"),
            ScriptCase("0.00001 | ConvertTo-Json", "1E-05"),
            ScriptCase("12345678901 | ConvertTo-Json", "12345678901"),
            ScriptCase("2.5d | ConvertTo-Json", "2.5"),
            ScriptCase("$true | ConvertTo-Json", "true"),
            ScriptCase(#""a`"b\c`n`t" | ConvertTo-Json"#, #""a\"b\\c\n\t""#),
            ScriptCase(#"'<a&b>' | ConvertTo-Json -EscapeHandling EscapeHtml"#, #""\u003ca\u0026b\u003e""#),
            ScriptCase(#"'é' | ConvertTo-Json -EscapeHandling EscapeNonAscii"#, #""\u00e9""#),
            ScriptCase("[char]'x' | ConvertTo-Json", #""x""#),
            ScriptCase("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress -WarningAction SilentlyContinue",
                       #"{"a":{"b":{"c":"System.Collections.Hashtable"}}}"#),
            ScriptCase("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress -Depth 3", #"{"a":{"b":{"c":{"d":1}}}}"#),
            ScriptCase("[pscustomobject]@{a=[pscustomobject]@{b=[pscustomobject]@{c=1}}} | ConvertTo-Json -Depth 1 -Compress -WarningAction SilentlyContinue",
                       #"{"a":{"b":"@{c=1}"}}"#),
            ScriptCase("@{l=@(1,@(2,3))} | ConvertTo-Json -Compress -Depth 1 -WarningAction SilentlyContinue", #"{"l":[1,"2 3"]}"#),
            ScriptCase("Get-Date -Date '2024-01-15 10:30:00' | ConvertTo-Json", #""2024-01-15T10:30:00""#),
            ScriptCase("[datetime]::new(2024,1,15,10,30,0,250) | ConvertTo-Json", #""2024-01-15T10:30:00.25""#),
            ScriptCase("[guid]'d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9' | ConvertTo-Json", #""d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9""#),
            ScriptCase("(Get-Date -Date '2024-01-15').DayOfWeek | ConvertTo-Json", "1"),
            ScriptCase("(Get-Date -Date '2024-01-15').DayOfWeek | ConvertTo-Json -EnumsAsStrings", #""Monday""#),
        ], errors: false)
    }

    func testDepthWarningIsWrittenOnce() {
        let r = ScriptRunner()
        let (out, _) = r.run("@{a=@{b=@{c=1};d=@{e=@{f=1}}}} | ConvertTo-Json -Depth 1 -Compress")
        XCTAssertEqual(out, "WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 1.\n" +
                       #"{"a":{"b":"System.Collections.Hashtable","d":"System.Collections.Hashtable"}}"# + "\n")
    }

    func testConvertToJsonErrors() {
        check([
            ScriptCase("try { @{1='a'} | ConvertTo-Json } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
                       "NonStringKeyInDictionary,Microsoft.PowerShell.Commands.ConvertToJsonCommand\nThe type 'System.Collections.Hashtable' is not supported for serialization or deserialization of a dictionary. Keys must be strings."),
            // [ValidateRange(0, 100)] on Depth (ConvertToJsonCommand.cs; Json.Tests.ps1).
            ScriptCase("try { 1 | ConvertTo-Json -Depth 101 } catch { $_.FullyQualifiedErrorId }",
                       "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.ConvertToJsonCommand"),
        ], errors: false)
    }

    func testConvertFromJson() {
        let j = #"'{"name":"n","list":[1,2,3],"obj":{"deep":true},"nul":null,"num":1.5,"big":12345678901}' | ConvertFrom-Json"#
        check([
            ScriptCase("$j = \(j); $j.name; $j.list.Count; $j.obj.deep; $null -eq $j.nul", "n\n3\nTrue\nTrue"),
            ScriptCase("$j = \(j); $j.num.GetType().Name; $j.big.GetType().Name; $j.list[0].GetType().Name", "Double\nInt64\nInt64"),
            ScriptCase("$j = \(j); ($j.psobject.Properties.Name) -join ','", "name,list,obj,nul,num,big"),
            ScriptCase("'[1,2]' | ConvertFrom-Json", "1\n2"),
            ScriptCase("('[1,2]' | ConvertFrom-Json -NoEnumerate).GetType().Name", "Object[]"),
            ScriptCase(#"('{"a":1}' | ConvertFrom-Json -AsHashtable).GetType().Name"#, "OrderedHashtable"),
            ScriptCase(#"$h = '{"b":1,"a":2}' | ConvertFrom-Json -AsHashtable; $h.Keys -join ','"#, "b,a"),
            ScriptCase(#"('{"when":"2024-01-15T10:30:00Z"}' | ConvertFrom-Json).when.Kind"#, "Utc"),
            ScriptCase(#"('{"when":"2024-01-15T10:30:00"}' | ConvertFrom-Json).when.ToString('yyyy-MM-dd HH:mm')"#, "2024-01-15 10:30"),
            ScriptCase(#"('{"d":"2024-01-15"}' | ConvertFrom-Json).d.GetType().Name"#, "String"),
            ScriptCase(#"('{"when":"2024-01-15T10:30:00Z"}' | ConvertFrom-Json -DateKind String).when"#, "2024-01-15T10:30:00Z"),
            ScriptCase("('12345678901234567890' | ConvertFrom-Json).GetType().Name", "BigInteger"),
            ScriptCase("('{', '\"a\": 1', '}' | ConvertFrom-Json).a", "1"),
            ScriptCase("'1', '2' | ConvertFrom-Json", "1\n2"),
            ScriptCase("'\"x\"' | ConvertFrom-Json", "x"),
            ScriptCase("try { '{bad json' | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId }",
                       "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand"),
            ScriptCase(#"try { '{"a":1,"A":2}' | ConvertFrom-Json } catch { $_.Exception.Message }"#,
                       "Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashtable switch instead. The key that was attempted to be added to the existing key 'a' was 'A'."),
            ScriptCase(#"$h = '{"a":1,"A":2}' | ConvertFrom-Json -AsHashtable; $h.Count"#, "2"),
        ], errors: false)
    }

    func testRoundTrip() {
        check([
            ScriptCase("$o = [pscustomobject]@{ Name = 'Policy'; Enabled = $true; Count = 3; Tags = @('a','b') }; ($o | ConvertTo-Json | ConvertFrom-Json | ConvertTo-Json -Compress)",
                       #"{"Name":"Policy","Enabled":true,"Count":3,"Tags":["a","b"]}"#),
        ], errors: false)
    }

    func testTestJson() {
        check([
            ScriptCase(#"Test-Json -Json '{"a":1}'"#, "True"),
            ScriptCase("Test-Json -Json '{a' -ErrorAction SilentlyContinue", "False"),
        ], errors: false)
    }

    func testReaderAndWriterUnits() throws {
        var r = JsonReader("// comment\n{ 'a': [1, 2.5, -3e2, true, null, \"\\u0041\"] }")
        guard case .object(let pairs)? = try r.readDocument(), case .array(let items) = pairs[0].1 else { return XCTFail("not an object") }
        XCTAssertEqual(items.count, 6)
        if case .double(let d) = items[2] { XCTAssertEqual(d, -300) } else { XCTFail("-3e2 is a double") }
        if case .string(let s) = items[5] { XCTAssertEqual(s, "A") } else { XCTFail("escape") }
        var bad = JsonReader("[1,")
        XCTAssertThrowsError(try bad.readDocument())
        var deep = JsonReader(String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000))
        XCTAssertThrowsError(try deep.readDocument())
        XCTAssertEqual(JsonWriter().quote("\u{1}\u{2028}"), "\"\\u0001\\u2028\"")
        XCTAssertEqual(DotNetNumberText.roundTrip(1e15), "1E+15")
        XCTAssertEqual(DotNetNumberText.roundTrip(999999999999999.0), "999999999999999")
        XCTAssertEqual(DotNetNumberText.roundTrip(0.0001), "0.0001")
        XCTAssertEqual(DotNetNumberText.roundTrip(-1.25e-7), "-1.25E-07")
        XCTAssertEqual(DotNetNumberText.roundTrip(123.456), "123.456")
    }
}
