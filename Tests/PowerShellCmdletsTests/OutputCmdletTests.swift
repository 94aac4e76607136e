import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// Write-*, Out-String, Out-Null, Tee-Object. Each row: script, what pwsh 7.6 prints (the
/// oracle's stdout holds output, Write-Host and the warning/verbose/debug/information text),
/// id of the last error (nil: none).
final class OutputCmdletTests: XCTestCase {
    /// Evidence: oracle cmdlets/write-output-noenumerate, formatting/write-host-variants,
    /// formatting/write-streams; docs reference/7.6 Write-Host (6>$null silences it),
    /// Write-Debug (-Debug shows it), Write-Warning (-WarningAction), Write-Information
    /// (-InformationVariable records the message even when not shown).
    func testWriteStreams() {
        check([
            CmdletRow("Write-Output 1, 2 -NoEnumerate | Measure-Object | ForEach-Object Count", "1"),
            CmdletRow("Write-Output -InputObject (1, 2) | Measure-Object | ForEach-Object Count", "2"),
            // [AllowNull][AllowEmptyCollection] on -InputObject (Write-Object.cs at v7.6.5).
            CmdletRow("@(Write-Output -InputObject $null).Count; (Write-Output -InputObject @() -NoEnumerate).GetType().Name", "1\nObject[]"),
            CmdletRow("ConvertTo-Json -InputObject $null; Test-Path -Path ''", "null\nFalse"),
            CmdletRow("Write-Host 'a' 'b' 'c'", "a b c"),
            CmdletRow("Write-Host -NoNewline 'no'; Write-Host 'newline'", "nonewline"),
            CmdletRow("Write-Host 1, 2, 3 -Separator '|'", "1|2|3"),
            CmdletRow("Write-Host ([pscustomobject]@{ a = 1 })", "@{a=1}"),
            CmdletRow("Write-Host @{ k = 'v' }", "[k, v]"),
            CmdletRow("Write-Host 'gone' 6>$null; 'next'", "next"),
            CmdletRow("Write-Warning 'w' -WarningAction SilentlyContinue; 'next'", "next"),
            CmdletRow("$WarningPreference = 'SilentlyContinue'; Write-Warning 'w'; 'next'", "next"),
            CmdletRow("Write-Debug 'hidden'; Write-Debug 'shown' -Debug", "DEBUG: shown"),
            CmdletRow("$VerbosePreference = 'Continue'; Write-Verbose 'pref'", "VERBOSE: pref"),
            CmdletRow("Write-Information 'i' -InformationVariable iv; $iv[0].MessageData", "i"),
            CmdletRow("Write-Information 'i' -InformationAction Ignore -InformationVariable iv; $iv.Count", "0"),
            CmdletRow("Write-Warning 'w' -WarningAction SilentlyContinue -WarningVariable wv; $wv[0].Message; $wv.GetType().Name", "w\nArrayList"),
            CmdletRow("Write-Information -MessageData 'm' -Tags t1 -InformationAction Continue", "m"),
            CmdletRow("$InformationPreference = 'Continue'; Write-Information 'pref'", "pref"),
            // Not shown, still in the stream: a redirection and an enclosing function's
            // -InformationVariable take it (PipelineBehaviour.Tests.ps1 at v7.6.5).
            CmdletRow("$r = Write-Information 'kept' 6>&1; \"[$r]\"", "[kept]"),
            CmdletRow("function f { [CmdletBinding()] param() Write-Information 'inner' }; f -InformationVariable iv; \"[$iv]\"", "[inner]"),
            CmdletRow("function f { [CmdletBinding()] param() Write-Information 'inner' -InformationAction Ignore }; f -InformationVariable iv; $iv.Count", "0"),
        ])
    }

    /// Evidence: oracle errors/write-error-categories and write-error-in-function (in a script
    /// the id gets ',NAME.ps1', in a function ',FUNCTION'; the default id is the exception type;
    /// the error does not stop the script); docs reference/7.6 Write-Error (-Exception,
    /// -Category, -CategoryActivity, -TargetObject).
    func testWriteError() {
        check([
            CmdletRow("Write-Error 'e'; 'after'", "after", "Microsoft.PowerShell.Commands.WriteErrorException,test.ps1"),
            CmdletRow("Write-Error -Message 'm' -ErrorId 'MyId' -ErrorAction SilentlyContinue; $Error[0].Exception.Message", "m", "MyId,test.ps1"),
            CmdletRow("function f { Write-Error 'x' }; f; 'after'", "after", "Microsoft.PowerShell.Commands.WriteErrorException,f"),
            CmdletRow("Write-Error -Exception ([System.InvalidOperationException]::new('bad')) -ErrorAction SilentlyContinue; $Error[0].Exception.GetType().Name",
                      "InvalidOperationException", "System.InvalidOperationException,test.ps1"),
            CmdletRow("Write-Error 'x' -Category InvalidArgument -TargetObject 'tgt' -ErrorAction SilentlyContinue; $Error[0].CategoryInfo.ToString(); $Error[0].TargetObject",
                      "InvalidArgument: (tgt:String) [Write-Error], WriteErrorException\ntgt", "Microsoft.PowerShell.Commands.WriteErrorException,test.ps1"),
            CmdletRow("try { Write-Error 'boom' -ErrorAction Stop } catch { $_.Exception.Message }; 'after'", "boom\nafter",
                      "Microsoft.PowerShell.Commands.WriteErrorException,test.ps1"),
            CmdletRow("Write-Error 'x' -ErrorAction Ignore; $Error.Count", "0"),
        ])
    }

    /// Evidence: oracle cmdlets/out-null-and-void and tee-object; docs reference/7.6 Out-String
    /// (ends with a newline, -Stream gives one string per line, -NoNewline removes all
    /// newlines) and Tee-Object (-FilePath, -Append, -Variable); v7.6.5 Out-String.Tests.ps1
    /// (-Stream with -NoNewline: AmbiguousParameterSet).
    func testOutStringAndTee() {
        check([
            CmdletRow("1..3 | Out-Null; 'only'", "only"),
            CmdletRow("(1, 2 | Out-String).Length", "4"),
            CmdletRow("(1, 2 | Out-String -Stream).Count", "2"),
            CmdletRow("1, 2 | Out-String -NoNewline", "12"),
            CmdletRow("([pscustomobject]@{ A = 1 } | Out-String -Stream) -join '|'", "|A|-|1|"),
            CmdletRow("(Out-String -InputObject 'x').Length", "2"),
            CmdletRow("1, 2 | Out-String -Stream -NoNewline; 'next'", "next", "AmbiguousParameterSet,Microsoft.PowerShell.Commands.OutStringCommand"),
            CmdletRow("$t = 1..3 | Tee-Object -Variable teed | ForEach-Object { $_ * 2 }; $t -join ','; $teed -join ','", "2,4,6\n1,2,3"),
            CmdletRow("'a' | Tee-Object -FilePath ./t.txt; 'b' | Tee-Object -FilePath ./t.txt -Append | Out-Null; (Get-Content ./t.txt) -join ','", "a\na,b"),
            CmdletRow("1, 2 | Tee-Object ./t.txt | Out-Null; (Get-Content ./t.txt) -join ','", "1,2"),
            CmdletRow("Tee-Object -InputObject 5 -Variable v | Out-Null; $v", "5"),
        ])
    }
}
