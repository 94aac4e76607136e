import XCTest
import TestSupport
import PowerShellRuntime
import PowerShellSyntax
@testable import PowerShellCmdlets

/// Table-driven tests: each row runs a script in a fresh session with a BufferHost and checks
/// its output. Expected texts come from the pwsh oracle and the PowerShell 7.6 documentation.
final class CmdletTableTests: XCTestCase {
    typealias Row = ScriptRow

    /// Runs each row as `-Command` text in a fresh session (its output only: these rows do not
    /// name errors).
    func check(_ rows: [Row], file: StaticString = #filePath) {
        check(rows, errors: false, file: file) { row in
            let host = BufferHost()
            let context = ExecutionContext(host: host)
            context.nonInteractive = true
            Builtins.install(into: context)
            _ = context.runTopLevel(SourceText(text: row.script), asScriptFile: false)
            return ScriptResult(output: host.output, errors: host.errors, errorId: nil)
        }
    }

    func testForEachObject() {
        check([
            Row("'a', 'b' | ForEach-Object ToUpper", "A\nB"),
            Row("'abc', 'de' | ForEach-Object Length", "3\n2"),
            Row("'a,b', 'c' | ForEach-Object Split ','", "a\nb\nc"),
            Row("1..3 | ForEach-Object -Process { $_ } -End { 'done' }", "1\n2\n3\ndone"),
            Row("1..2 | ForEach-Object { $_ } { $_ * 10 }", "10\n20"),
            Row("$sum = 0; 1..4 | % { $sum += $_ }; $sum", "10"),
            Row("ForEach-Object { 'no input' }", "no input"),
        ])
    }

    func testWhereObject() {
        let data = "$p = @([pscustomobject]@{ Name = 'alpha'; Size = 5; Tags = @('x', 'y') }, [pscustomobject]@{ Name = 'beta'; Size = 15; Tags = @('y') }, [pscustomobject]@{ Name = 'gamma'; Size = 25; Tags = @() });"
        check([
            Row(data + "($p | Where-Object Size -gt 10).Name -join ','", "beta,gamma"),
            Row(data + "($p | Where-Object Name -like '*a').Name -join ','", "alpha,beta,gamma"),
            Row(data + "($p | Where-Object Tags -Contains 'y').Name -join ','", "alpha,beta"),
            Row(data + "($p | Where-Object Size -In 5, 25).Name -join ','", "alpha,gamma"),
            Row(data + "($p | Where-Object -Property Size -EQ -Value 15).Name", "beta"),
            Row(data + "($p | Where-Object Tags).Name -join ','", "alpha,beta"),
            Row(data + "($p | Where-Object -Not Tags).Name -join ','", "gamma"),
            Row(data + "($p | ? { $_.Size -lt 10 }).Name", "alpha"),
        ])
    }

    func testSelectObject() {
        check([
            Row("(1..10 | Select-Object -First 3) -join ','", "1,2,3"),
            Row("(1..10 | Select-Object -Last 2) -join ','", "9,10"),
            Row("(1..10 | Select-Object -Skip 8) -join ','", "9,10"),
            Row("(1..10 | Select-Object -SkipLast 8) -join ','", "1,2"),
            Row("(1..10 | Select-Object -Index 0, 9) -join ','", "1,10"),
            Row("(1, 1, 2, 2, 3 | Select-Object -Unique) -join ','", "1,2,3"),
            Row("([pscustomobject]@{ A = 1 } | Select-Object A).PSObject.TypeNames[0]", "Selected.System.Management.Automation.PSCustomObject"),
            Row("[pscustomobject]@{ L = 1, 2 } | Select-Object -ExpandProperty L", "1\n2"),
            Row("try { [pscustomobject]@{ A = 1 } | Select-Object -ExpandProperty Z -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }",
                "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand"),
            Row("$n = 0; 1..1000 | ForEach-Object { $n++; $_ } | Select-Object -First 1 | Out-Null; $n", "1"),
        ])
    }

    func testSortGroupMeasureCompare() {
        check([
            Row("('b', 'A', 'c', 'B' | Sort-Object) -join ','", "A,b,B,c"),
            Row("(10, 9, 100, 1 | Sort-Object) -join ','", "1,9,10,100"),
            Row("('10', '9', '100', '1' | Sort-Object) -join ','", "1,10,100,9"),
            Row("(3, 1, 2 | Sort-Object -Top 2) -join ','", "1,2"),
            Row("(3, 1, 2 | Sort-Object -Descending) -join ','", "3,2,1"),
            Row("$g = 'apple', 'avocado', 'banana' | Group-Object { $_[0] }; $g.Count; $g[0].Group -join ','", "2\napple,avocado"),
            Row("('a', 'A', 'b' | Group-Object -CaseSensitive).Count", "3"),
            Row("$m = 4, 8, 15, 16, 23, 42 | Measure-Object -Sum -Average -Minimum -Maximum; \"$($m.Count) $($m.Sum) $($m.Average) $($m.Minimum) $($m.Maximum)\"",
                "6 108 18 4 42"),
            Row("(1..4 | Measure-Object -StandardDeviation).StandardDeviation", "1.29099444873581"),
            Row("(@() | Measure-Object).Count", "0"),
            Row("(Compare-Object 'a', 'b' 'b', 'c' | ForEach-Object { \"$($_.InputObject)$($_.SideIndicator)\" }) -join ' '", "c=> a<="),
            Row("(1, 1, 2 | Get-Unique) -join ','", "1,2"),
        ])
    }

    func testStreamsAndErrors() {
        check([
            Row("Write-Warning 'careful'", "WARNING: careful"),
            Row("Write-Verbose 'hidden'; Write-Verbose 'shown' -Verbose", "VERBOSE: shown"),
            Row("Write-Information 'i' ; Write-Information 'j' -InformationAction Continue", "j"),
            Row("Write-Error -Message 'x' -ErrorId 'MyId' -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId", "MyId"),
            Row("Write-Error 'x' -Category InvalidArgument -TargetObject 'tgt' -ErrorAction SilentlyContinue; $Error[0].CategoryInfo.ToString()",
                "InvalidArgument: (tgt:String) [Write-Error], WriteErrorException"),
            Row("try { Write-Error 'boom' -ErrorAction Stop } catch { $_.Exception.Message }", "boom"),
            // A view and properties together end a Format-* command before any input
            // (BaseFormattingCommand.cs' ReportCannotSpecifyViewAndProperty).
            Row("foreach ($c in 'Format-Table', 'Format-List', 'Format-Wide') { try { 1 | & $c -Property A -View v; 'ran' } catch { $_.FullyQualifiedErrorId + ' ' + $_.CategoryInfo.Category + ' ' + $_.ErrorDetails.Message } }",
                "FormatCannotSpecifyViewAndProperty,Microsoft.PowerShell.Commands.FormatTableCommand InvalidArgument Cmdlet parameters View and Property are mutually exclusive.\n"
                + "FormatCannotSpecifyViewAndProperty,Microsoft.PowerShell.Commands.FormatListCommand InvalidArgument Cmdlet parameters View and Property are mutually exclusive.\n"
                + "FormatCannotSpecifyViewAndProperty,Microsoft.PowerShell.Commands.FormatWideCommand InvalidArgument Cmdlet parameters View and Property are mutually exclusive."),
        ])
    }

    /// Add-Member -MemberType checks each type's values as AddMember.cs does, with terminating
    /// errors (Add-Member.Tests.ps1 at v7.6.5 names the ids).
    func testAddMemberValueChecks() {
        let id = ",Microsoft.PowerShell.Commands.AddMemberCommand"
        func attempt(_ args: String) -> String {
            "try { $o = [pscustomobject]@{ A = 1 }; $o | Add-Member \(args); 'added' } catch { $_.FullyQualifiedErrorId }"
        }
        check([
            Row(attempt("-MemberType NoteProperty -Name N -Value 1 -SecondValue 2"), "Value2ShouldNotBeSpecified" + id),
            Row(attempt("-MemberType ScriptMethod -Name N -Value { 1 } -SecondValue { 2 }"), "Value2ShouldNotBeSpecified" + id),
            Row(attempt("-MemberType ScriptMethod -Name N -Value $null"), "Value1ShouldNotBeNull" + id),
            Row(attempt("-MemberType ScriptMethod -Name N -Value 'text'"), "ConvertToFinalInvalidCastException" + id),
            Row(attempt("-MemberType ScriptProperty -Name N -Value $null -SecondValue $null"), "Value1AndValue2AreNotBothNull" + id),
            Row(attempt("-MemberType ScriptProperty -Name N -Value 'text'"), "ConvertToFinalInvalidCastException" + id),
            Row(attempt("-MemberType AliasProperty -Name N -Value A -SecondValue NoSuchType"), "InvalidCastFromStringToType" + id),
            Row(attempt("-MemberType Method -Name N"), "CannotAddMemberType" + id),
            Row(attempt("-MemberType CodeProperty -Name N -Value 'text'"), "ConvertToFinalInvalidCastException" + id),
            Row(attempt("-MemberType AliasProperty -Name N -Value A -SecondValue string"), "added"),
            Row("$o = [pscustomobject]@{ A = 1 }; $o | Add-Member -MemberType ScriptProperty -Name P -SecondValue { $this.A = $args[0] }; $o.P = 5; $o.A",
                "5"),
        ])
    }

    func testObjectsAndVariables() {
        check([
            Row("$o = [pscustomobject]@{ A = 2 }; $o | Add-Member -MemberType ScriptProperty -Name D -Value { $this.A * 2 }; $o.D", "4"),
            Row("$o = [pscustomobject]@{ A = 2 }; try { $o | Add-Member -NotePropertyName A -NotePropertyValue 5 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }",
                "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"),
            Row("$o = New-Object PSObject -Property @{ X = 1 }; $o.X", "1"),
            Row("$l = New-Object System.Collections.Generic.List[string]; $l.Add('a'); $l.Count", "1"),
            Row("New-Variable -Name z -Value 3; Get-Variable z -ValueOnly", "3"),
            Row("try { Get-Variable nosuch -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }", "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"),
            Row("(Get-Alias gci).Definition", "Get-ChildItem"),
            Row("Set-Alias -Name say -Value Write-Output; say 'hi'", "hi"),
            Row("([pscustomobject]@{ a = 1 } | Get-Member -MemberType NoteProperty).Definition", "int a=1"),
        ])
    }

    func testCommands() {
        check([
            Row("Invoke-Expression '1 + 2'", "3"),
            Row("try { Invoke-Expression '1 +' } catch { $_.FullyQualifiedErrorId }", "ExpectedValueExpression,Microsoft.PowerShell.Commands.InvokeExpressionCommand"),
            // An error escaping a cmdlet is the cmdlet's unless a throw statement or
            // -ErrorAction Stop raised it (pwsh's CommandProcessorBase.ManageInvocationException).
            Row("try { Invoke-Expression \"'a' -is [NoSuchType]\" } catch { $_.FullyQualifiedErrorId }", "TypeNotFound,Microsoft.PowerShell.Commands.InvokeExpressionCommand"),
            Row("try { 1 | ForEach-Object { 1 / 0 } } catch { $_.FullyQualifiedErrorId }", "RuntimeException,Microsoft.PowerShell.Commands.ForEachObjectCommand"),
            Row("try { Invoke-Expression \"throw 'mine'\" } catch { $_.FullyQualifiedErrorId }", "mine"),
            Row("try { Invoke-Expression 'Write-Error -Message x -ErrorId MyId -ErrorAction Stop' } catch { $_.FullyQualifiedErrorId }", "MyId"),
            Row("Invoke-Command -ScriptBlock { param($a) $a * 2 } -ArgumentList 4", "8"),
            Row("(Get-Command Write-Output).CommandType", "Cmdlet"),
            Row("(Get-Command -Name '?' -CommandType Alias).Name -join ','", "%,?,h,r"),
            Row("try { Get-Command Get-NoSuch -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }", "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand"),
            Row("(Measure-Command { 1 }).GetType().Name", "TimeSpan"),
            Row("'a', 'b' | Join-String -Separator ','", "a,b"),
            Row("('x1', 'y2' | Select-String -Pattern '\\d').Count", "2"),
        ])
    }

    /// The functions a session starts with are parsed when first read: each is there, declared
    /// as a `function` statement in the global scope declares it, wherever it is first read.
    func testStartupFunctions() {
        check([
            Row("(Get-Command prompt, Pause, cd.., 'cd~', 'cd\\', oss, help).CommandType -join ','",
                "Function,Function,Function,Function,Function,Function,Function"),
            Row("(Get-ChildItem function: | Where-Object Name -in 'oss', 'help', 'prompt' | Sort-Object Name).Name -join ','", "help,oss,prompt"),
            Row("$function:Pause.ToString().Trim()", "$null = Read-Host 'Press Enter to continue...'"),
            Row("(Get-Command help).ParameterSets.Name -join ','", "DetailedView,AllUsersView,Examples,Parameters,Online"),
            Row("function f { Set-StrictMode -Version Latest; $t = (Get-Command oss).Parameters['Width'].ParameterType.Name; $t }; f", "Int32"),
            Row("function f { (Get-Command oss).ScriptBlock.Module -eq $null }; f", "True"),
            Row("1..3 | oss -Width 10", "1\n2\n3"),
            Row("try { oss -Width 1 } catch { $_.FullyQualifiedErrorId }", "ParameterArgumentValidationError,oss"),
            Row("function prompt { 'mine' }; prompt", "mine"),
        ])
    }
}
