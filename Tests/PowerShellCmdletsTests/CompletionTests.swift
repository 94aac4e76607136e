import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// Tab completion: each row is an input with its cursor at the end, the completion
/// texts pwsh offers, and where the replaced word starts. The expectations come from what pwsh
/// 7.6.9's TabExpansion2 printed (oracle `completion`) and from its completion rules.
final class CompletionTests: XCTestCase {
    struct Row {
        let input: String
        let expected: [String]
        let replacementIndex: Int?
        let line: UInt

        init(_ input: String, _ expected: [String], at index: Int? = nil, line: UInt = #line) {
            self.input = input
            self.expected = expected
            self.replacementIndex = index
            self.line = line
        }
    }

    func complete(_ runner: ScriptRunner, _ input: String) -> CommandCompletion {
        CommandCompletionEngine.complete(input, cursor: input.utf16.count, context: runner.context)
    }

    func testCompletionTable() {
        let runner = ScriptRunner()
        runner.run("""
        function Set-Mode { param([ValidateSet('Disabled', 'DisabledUserOverride')] [string]$Mode) $Mode }
        $global:myPolicyName = 'x'
        $global:h = @{ alpha = 1 }
        New-Item -ItemType Directory -Path ./policies | Out-Null
        New-Item -ItemType File -Path ./policies/sales.csv, ./policies/support.csv, './my file.txt' | Out-Null
        """)
        let rows: [Row] = [
            Row("Get-ChildI", ["Get-ChildItem"], at: 0),
            Row("Get-Ali", ["Get-Alias"]),
            Row("Format-T", ["Format-Table"]),
            Row("Get-*Variable", ["Get-Variable"]),
            Row("foreac", ["foreach", "ForEach-Object"]),
            Row("NoSuchCommandPrefixXyz", []),
            Row("", []),
            Row("Get-Date -Fo", ["-Format"], at: 9),
            Row("Get-Date -Format x -F", []),
            Row("Get-Date -NoSuchParam", []),
            Row("Get-ChildItem -Re", ["-Recurse", "-ReadOnly"]),
            Row("Remove-Item -W", ["-WhatIf", "-WarningAction", "-WarningVariable"]),
            Row("Get-Date -Format x; Sort-Object -Desc", ["-Descending"], at: 32),
            Row("Select-Object -Ex", ["-ExcludeProperty", "-ExpandProperty"]),
            Row("Set-Mode -M", ["-Mode"]),
            Row("Set-Mode -Mode Dis", ["Disabled", "DisabledUserOverride"], at: 15),
            Row("Set-Mode Dis", ["Disabled", "DisabledUserOverride"]),
            Row("Write-Host -ForegroundColor DarkG", ["DarkGray", "DarkGreen"]),
            Row("Get-Date -ErrorAction Si", ["SilentlyContinue"]),
            Row("$myPol", ["$myPolicyName"], at: 0),
            Row("'abc'.ToUp", ["ToUpper(", "ToUpperInvariant("], at: 6),
            Row("$h.al", ["alpha"], at: 3),
            Row("[pscustomobj", ["pscustomobject"], at: 1),
            Row("Get-Content ./pol", ["./policies"]),
            Row("Get-Content ./policies/s", ["./policies/sales.csv", "./policies/support.csv"]),
            Row("Get-Content my", ["'./my file.txt'"]),
        ]
        for row in rows {
            let c = complete(runner, row.input)
            XCTAssertEqual(c.matches.map(\.completionText), row.expected, row.input, line: row.line)
            if let index = row.replacementIndex {
                XCTAssertEqual(c.replacementIndex, index, "replacement index of \(row.input)", line: row.line)
            }
        }
    }

    func testResultObjectProperties() {
        let runner = ScriptRunner()
        let out = runner.run("""
        $r = TabExpansion2 'Get-Date -Form' 14
        $r.ReplacementIndex, $r.ReplacementLength
        $m = $r.CompletionMatches[0]
        $m.CompletionText, $m.ListItemText, $m.ResultType, $m.ToolTip
        """).output
        XCTAssertEqual(out, "9\n5\n-Format\nFormat\nParameterName\n[string] Format\n")
    }

    func testRegisteredArgumentCompleter() {
        let runner = ScriptRunner()
        runner.run("function Set-Thing { param($Identity) }")
        ArgumentCompleterRegistry.of(runner.context).register(commands: ["Set-Thing"], parameter: "Identity") { request in
            ArgumentCompleterRegistry.values(["Tag:Alpha", "Tag:Beta", "Global"], matching: request.wordToComplete)
        }
        let c = complete(runner, "Set-Thing -Identity Tag:")
        XCTAssertEqual(c.matches.map(\.completionText), ["Tag:Alpha", "Tag:Beta"])
        XCTAssertEqual(c.replacementIndex, 20)
    }
}
