import XCTest
import TestSupport
import PowerShellRuntime
import PowerShellSyntax
@testable import PowerShellCmdlets

/// The cmdlet rules found by running more of PowerShell's own tests (docs/conformance.md,
/// the third set): each row runs in a fresh session; the last error's id is checked too.
/// Evidence: the cmdlets' C# sources and .resx texts at v7.6.5, named per table.
final class ConformanceCmdletTests: XCTestCase {
    typealias Row = ScriptRow

    func check(_ rows: [Row], file: StaticString = #filePath) {
        check(rows, file: file) { row in
            let host = BufferHost()
            let context = ExecutionContext(host: host)
            context.nonInteractive = true
            Builtins.install(into: context)
            _ = context.runTopLevel(SourceText(text: row.script), asScriptFile: false)
            let output = host.output
            host.output = ""
            _ = context.runTopLevel(SourceText(text: "if ($Error.Count) { $Error[0].FullyQualifiedErrorId }"), asScriptFile: false)
            let id = host.output.trimmingCharacters(in: .whitespacesAndNewlines)
            return ScriptResult(output: output, errors: host.errors, errorId: id.isEmpty ? nil : id)
        }
    }

    var folder: String {
        let dir = NSTemporaryDirectory() + "teamsh-conf-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The parameter attributes read from pwsh's sources (Generated/ParameterAttributes.swift).
    func testGeneratedParameterAttributes() {
        check([
            Row("try { Get-Alias -Name '' } catch { 'refused' }", "refused", "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetAliasCommand"),
            Row("try { Get-Alias -Name 'ls', $null } catch { $_.Exception.Message }",
                "Cannot validate argument on parameter 'Name'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.",
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetAliasCommand"),
            Row("try { Get-Error -Newest 0 } catch { 'refused' }", "refused", "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetErrorCommand"),
            Row("try { 1 | ConvertTo-Json -Depth 101 } catch { 'refused' }", "refused",
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.ConvertToJsonCommand"),
            Row("1 | ConvertTo-Json -Depth 100", "1"),
            Row("try { Start-Sleep -Milliseconds -1 } catch { 'refused' }", "refused",
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartSleepCommand"),
            // ValidateRange(NonNegative) judges a TimeSpan against TimeSpan.Zero.
            Row("Start-Sleep -Duration '0:00:00.01'; try { Start-Sleep -Duration '-0:00:01' } catch { $_.Exception.Message }",
                "Cannot validate argument on parameter 'Duration'. The argument \"-00:00:01\" cannot be validated because its value is not greater than or equal to zero.",
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartSleepCommand"),
            Row("Start-Sleep ([timespan]'0:00:00.01'); 'slept'", "slept"),
            Row("try { Start-Sleep -Duration '30.0:00:00' } catch { $_.Exception.Message }",
                "The '-Duration' parameter value must not exceed '24.20:31:23.6470000', provided value was '30.00:00:00'.",
                "MaximumDurationExceeded,Microsoft.PowerShell.Commands.StartSleepCommand"),
        ])
    }

    /// New-PSDrive, Get-PSDrive, Remove-PSDrive (Navigation.cs; SessionStateStrings.resx,
    /// FileSystemProviderStrings.resx) and Convert-Path (ConvertPathCommand.cs).
    func testDrivesAndConvertPath() throws {
        let dir = folder
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        check([
            Row("$d = New-PSDrive -Name Data -PSProvider FileSystem -Root '\(dir)'; \"$d\"; $d.Root -eq '\(dir)'; Get-Content Data:\\a.txt; (Convert-Path Data:/a.txt) -eq '\(dir)/a.txt'",
                "Data\nTrue\nx\nTrue"),
            Row("$null = New-PSDrive Data FileSystem '\(dir)'; (Get-PSDrive -PSProvider FileSystem).Name -join ','; Remove-PSDrive Data; Test-Path Data:\\a.txt",
                "/,Data\nFalse"),
            Row("$null = New-PSDrive Data FileSystem '\(dir)'; New-PSDrive data FileSystem /", "", "DriveAlreadyExists,Microsoft.PowerShell.Commands.NewPSDriveCommand"),
            Row("New-PSDrive X FileSystem '\(dir)/none'", "", "DriveRootError,Microsoft.PowerShell.Commands.NewPSDriveCommand"),
            Row("Remove-PSDrive NoSuch", "", "DriveNotFound,Microsoft.PowerShell.Commands.RemovePSDriveCommand"),
            Row("Get-PSDrive NoSuch", "", "GetLocationNoMatchingDrive,Microsoft.PowerShell.Commands.GetPSDriveCommand"),
            Row("Convert-Path '\(dir)/none'", "", "PathNotFound,Microsoft.PowerShell.Commands.ConvertPathCommand"),
        ])
    }

    /// FileSystemInfo.LastWriteTime can be set; Test-Path -OlderThan/-NewerThan compare it
    /// (FileSystemProvider.ItemExists); Attributes is a FileAttributes.
    func testFileTimesAndAttributes() throws {
        let dir = folder
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/old.txt", atomically: true, encoding: .utf8)
        let old = "'\(dir)/old.txt'"
        check([
            Row("$f = Get-Item \(old); $f.LastWriteTime = (Get-Date).AddDays(-2); Test-Path \(old) -OlderThan (Get-Date).AddDays(-1); Test-Path \(old) -NewerThan (Get-Date).AddDays(-1)",
                "True\nFalse"),
            Row("$n = New-Item '\(dir)/new.txt' -Force; Test-Path $n.FullName -NewerThan (Get-Date).AddDays(-1) -OlderThan (Get-Date).AddDays(1)", "True"),
            Row("(Get-Item \(old)).Attributes; (Get-Item '\(dir)').Attributes.GetType().FullName", "Normal\nSystem.IO.FileAttributes"),
            Row("try { (Get-Item \(old)).CreationTime = Get-Date } catch { 'read-only' }", "read-only", "PropertyAssignmentException"),
        ])
    }

    /// New-ModuleManifest (NewModuleManifestCommand.cs): given keys set, the others commented
    /// out; exports default to '*' once modules are named; the manifest imports.
    func testNewModuleManifest() throws {
        let dir = folder
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/M", withIntermediateDirectories: true)
        try "function Get-M { 'm' }".write(toFile: dir + "/M/M.psm1", atomically: true, encoding: .utf8)
        let keys = "RootModule|ModuleVersion|Author|CompanyName|Copyright|FunctionsToExport|VariablesToExport|Tags"
        check([
            Row("$t = New-ModuleManifest '\(dir)/M/M.psd1' -RootModule M.psm1 -ModuleVersion 1.2.0 -Author A -Tags x, y -PassThru; " +
                "($t -split \"`n\") -match '^\\s*#? ?(\(keys)) ='",
                "RootModule = 'M.psm1'\nModuleVersion = '1.2.0'\nAuthor = 'A'\nCompanyName = 'Unknown'\nCopyright = '(c) A. All rights reserved.'\n" +
                "FunctionsToExport = '*'\n# VariablesToExport = @()\n        Tags = 'x', 'y'"),
            Row("New-ModuleManifest '\(dir)/N.psd1'; (Get-Content '\(dir)/N.psd1') -match '^FunctionsToExport'", "FunctionsToExport = @()"),
            // The file is a PowerShell data file.
            Row("$h = Invoke-Expression (Get-Content -Raw '\(dir)/M/M.psd1'); $h.RootModule; $h.ModuleVersion; $h.PrivateData.PSData.Tags -join ','",
                "M.psm1\n1.2.0\nx,y"),
            Row("New-ModuleManifest '\(dir)/x.txt'", "", "Modules_InvalidModuleManifestPath,Microsoft.PowerShell.Commands.NewModuleManifestCommand"),
            Row("New-ModuleManifest '\(dir)/E.psd1' -CompatiblePSEditions Core, core", "",
                "Modules_DuplicateEntriesInCompatiblePSEditions,Microsoft.PowerShell.Commands.NewModuleManifestCommand"),
        ])
    }

    /// ConvertTo-CliXml / ConvertFrom-CliXml (XmlCommands.cs) and PSSerializer round trips.
    func testCliXmlConversions() {
        check([
            Row("$x = [pscustomobject]@{ A = 1; B = 'two' } | ConvertTo-CliXml; $x.GetType().Name; ($x | ConvertFrom-CliXml).B", "String\ntwo"),
            Row("ConvertFrom-CliXml (ConvertTo-CliXml -InputObject 5)", "5"),
            Row("$s = [System.Management.Automation.PSSerializer]::Serialize(@{ k = 'v' }); ([System.Management.Automation.PSSerializer]::Deserialize($s)).k", "v"),
            Row("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize(@(1, 2))).Count", "2"),
            Row("try { 1 | ConvertTo-CliXml -Depth 0 } catch { 'refused' }", "refused",
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.ConvertToClixmlCommand"),
        ])
    }

    /// Join-Path joins an empty child, or none, as the separator (NavigationCmdletProvider.MakePath).
    func testJoinPathEmptyChild() {
        check([
            Row("Join-Path one ''; Join-Path -Path one -ChildPath $null; Join-Path one/ ''; Join-Path one '/'", "one/\none/\none/\none/"),
            Row("Join-Path one two three", "one/two/three"),
        ])
    }
}
