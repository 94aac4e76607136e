import Foundation
import XCTest
import TeamsTenant
@testable import TeamsModule

/// Script modules from disk: `$env:PSModulePath`'s start-up value, the `-Prefix` rule, and
/// manifests, exports and removal run end to end on module files written to a temporary folder.
final class ScriptModuleTests: XCTestCase {
    func testInitialModulePathPutsPwshFoldersFirst() {
        let machine = World.defaultWorld().machine
        let user = "/root/.local/share/powershell/Modules", shared = "/usr/local/share/powershell/Modules"
        let system = "/opt/microsoft/powershell/7/Modules"
        // (value at start-up, value pwsh sets)
        let rows: [(String?, String)] = [
            (nil, "\(user):\(shared):\(system)"),
            ("", "\(user):\(shared):\(system)"),
            ("/my/mods", "\(user):\(shared):\(system):/my/mods"),
            ("/a:\(shared)/:/b", "\(user):/a:\(shared)/:\(system):/b"),
            ("\(user):\(shared):\(system)", "\(user):\(shared):\(system)"),
        ]
        for (current, expected) in rows {
            XCTAssertEqual(ModuleLayer.initialModulePath(current: current, machine: machine), expected, current ?? "unset")
        }
    }

    func testPrefixGoesBeforeTheNoun() {
        let rows: [(String, String, String)] = [
            ("Get-Thing", "My", "Get-MyThing"), ("alias", "My", "Myalias"), ("Get-Thing", "", "Get-Thing"), ("-odd", "X", "X-odd"),
        ]
        for (name, prefix, expected) in rows { XCTAssertEqual(ModuleLayer.prefixed(name, prefix), expected, name) }
    }

    /// Writes files (relative path → text) into a fresh folder and returns it.
    private func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "teamsh-modules-" + UUID().uuidString
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// (module files, script run with `$d` set to their folder, expected output lines)
    let scriptRows: [(files: [String: String], script: String, out: [String])] = [
        // Implicit exports: functions and aliases, not variables.
        (["M.psm1": "$v = 1; function Get-A { 'a' }; Set-Alias ga Get-A"],
         "$m = Import-Module $d/M.psm1 -PassThru; ga; \"[$v]\"; $m.ExportedCommands.Keys -join ','", ["a", "[]", "Get-A,ga"]),
        // Export-ModuleMember matches what exists when it runs.
        (["M.psm1": "Export-ModuleMember -Function Get-B; function Get-B { 'b' }; function Get-C { 'c' }; Export-ModuleMember -Function Get-C"],
         "Import-Module $d/M.psm1; [bool](Get-Command Get-B -ErrorAction Ignore); Get-C", ["False", "c"]),
        // A manifest without RootModule exports its nested modules' members (default `*`).
        (["M.psd1": "@{ ModuleVersion = '3.1'; NestedModules = 'N1.psm1', 'N2.psm1' }", "N1.psm1": "function Get-One { 1 }",
          "N2.psm1": "function Get-Two { 2 }; $x = 'var'; Export-ModuleMember -Function Get-Two -Variable x"],
         "$m = Import-Module $d/M.psd1 -PassThru; Get-One; Get-Two; $x; $m.ModuleType; $m.NestedModules.Name -join ','",
         ["1", "2", "var", "Manifest", "N1,N2"]),
        // FunctionsToExport narrows the root module's exports.
        (["M.psd1": "@{ ModuleVersion = '1.0'; RootModule = 'M.psm1'; FunctionsToExport = 'Get-*' }",
          "M.psm1": "function Get-Yes { 'yes' }; function Set-No { }"],
         "$m = Import-Module $d/M.psd1 -PassThru; $m.ExportedFunctions.Keys -join ','; $m.Path -like '*M.psm1'", ["Get-Yes", "True"]),
        // Removing a module takes its functions out and runs OnRemove.
        (["M.psm1": "function Get-Z { 'z' }; $ExecutionContext.SessionState.Module.OnRemove = { 'bye' | Write-Host }"],
         "Import-Module $d/M.psm1; Get-Z; Remove-Module M; [bool](Get-Command Get-Z -ErrorAction Ignore)", ["z", "bye", "False"]),
        // Module script scope survives between calls; `& $module {}` sees it.
        (["M.psm1": "$script:n = 5; function Add-N { $script:n++ }"],
         "$m = Import-Module $d/M.psm1 -PassThru; Add-N; Add-N; & $m { $script:n }; \"[$n]\"", ["7", "[]"]),
        // One call site across an import and a removal: the module's function hides the cmdlet
        // from the import on, and the cmdlet is back after the removal.
        (["M.psm1": "function Write-Output { \"module $args\" }"],
         "foreach ($i in 1..4) { if ($i -eq 2) { Import-Module $d/M.psm1 }; if ($i -eq 4) { Remove-Module M }; Write-Output $i }",
         ["1", "module 2", "module 3", "4"]),
        (["M.psm1": "function Write-Output { [CmdletBinding()] param($x) \"module $x\" }"],
         "foreach ($i in 1..4) { if ($i -eq 2) { Import-Module $d/M.psm1 }; if ($i -eq 4) { Remove-Module M }; Write-Output $i }",
         ["1", "module 2", "module 3", "4"]),
        // A module function's call resolves in the module first; the same name at the top level
        // is the script's function, call after call.
        (["M.psm1": "function Get-A { Get-B }; function Get-B { 'module' }; Export-ModuleMember -Function Get-A"],
         "function Get-B { 'top' }; foreach ($i in 1..3) { if ($i -eq 2) { Import-Module $d/M.psm1 }; if ($i -ge 2) { Get-A }; Get-B }",
         ["top", "module", "top", "module", "top"]),
        // A module's classes and enums are its own: its functions see them, other code only
        // through `using module`, by name or Module.Name (scripting.Classes.using.tests.ps1).
        (["Foo/Foo.psm1": "class Foo { [string] Name() { return 'Foo' } }; enum Shade { Light; Dark }; function Get-Foo { [Foo]::new().Name() }"],
         "$env:PSModulePath = $d + [IO.Path]::PathSeparator + $env:PSModulePath; Import-Module Foo; Get-Foo\n"
            + "try { [Foo] } catch { $_.FullyQualifiedErrorId }\n"
            + "[scriptblock]::Create('using module Foo; class Bar : Foo {}; [Bar]::new().Name(); [Foo.Foo]::new().Name(); [Shade]::Dark; [Bar].BaseType.Name').Invoke()\n"
            + "try { [Shade] } catch { $_.FullyQualifiedErrorId }",
         ["Foo", "TypeNotFound", "Foo", "Foo", "Dark", "Foo", "TypeNotFound"]),
        // Two modules defining a name: the short name is ambiguous everywhere, the qualified
        // one is not; a class the script defines itself wins.
        (["A/A.psm1": "class T { [string] W() { return 'A' } }", "B/B.psm1": "class T { [string] W() { return 'B' } }"],
         "$env:PSModulePath = $d + [IO.Path]::PathSeparator + $env:PSModulePath\n"
            + "$u = \"using module A`nusing module B`n\"\n"
            + "foreach ($body in '[T]', '[type]\"T\"', 'New-Object T', 'class C : T {}') {\n"
            + "  try { [scriptblock]::Create($u + $body).Invoke() } catch { $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }\n}\n"
            + "[scriptblock]::Create($u + '[A.T]::new().W(); (New-Object B.T).W()').Invoke()\n"
            + "[scriptblock]::Create($u + 'class T { [string] W() { return \"own\" } }; [T]::new().W()').Invoke()",
         ["AmbiguousTypeReference", "AmbiguousTypeReference", "AmbiguousTypeReference,Microsoft.PowerShell.Commands.NewObjectCommand",
          "AmbiguousTypeReference", "A", "B", "own"]),
        // A relative path is the script file's folder's; a missing module fails the script.
        (["lib/M.psm1": "class K { [int] V() { return 7 } }", "app/run.ps1": "using module ../lib/M.psm1\n[K]::new().V()"],
         "& $d/app/run.ps1\n"
            + "try { [scriptblock]::Create('using module NoSuchModuleHere; 1').Invoke() } catch { $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }",
         ["7", "ModuleNotFoundDuringParse"]),
        // Parsing looks the module up (SymbolResolver): by name on PSModulePath, a relative
        // path from the current location when the text has no file.
        (["Q/Q.psm1": "function Get-Q { 'q' }"],
         "$env:PSModulePath = $d + [IO.Path]::PathSeparator + $env:PSModulePath\n"
            + "foreach ($s in 'using module Q', 'using module NoSuchModuleHere', \"using module $d/Q\", 'using module ./Q', 'using module Q*') {\n"
            + "  $e = $null; $null = [System.Management.Automation.Language.Parser]::ParseInput($s, [ref]$null, [ref]$e); \"$($e.Count) [$($e.ErrorId)]\"\n}",
         ["0 []", "1 [ModuleNotFoundDuringParse]", "0 []", "1 [ModuleNotFoundDuringParse]", "1 [WildCardModuleNameError]"]),
        // A module specification picks the version; with one asked for, later PSModulePath
        // folders are searched too.
        (["p1/V/1.0/V.psd1": "@{ ModuleVersion = '1.0'; RootModule = 'V.psm1' }", "p1/V/1.0/V.psm1": "class V { [string] W() { return '1.0' } }",
          "p2/V/2.0/V.psd1": "@{ ModuleVersion = '2.0'; RootModule = 'V.psm1' }", "p2/V/2.0/V.psm1": "class V { [string] W() { return '2.0' } }"],
         "$env:PSModulePath = \"$d/p1\" + [IO.Path]::PathSeparator + \"$d/p2\"\n"
            + "[scriptblock]::Create(\"using module @{ModuleName = 'V'; RequiredVersion = '2.0'}`n[V]::new().W()\").Invoke()",
         ["2.0"]),
    ]

    func testScriptModules() throws {
        for row in scriptRows {
            let dir = try folder(row.files)
            let result = TestSession.run("$d = '\(dir)'\n" + row.script)
            XCTAssertEqual(TestSession.lines(result.out), row.out, row.script)
            XCTAssertEqual(result.err, "", row.script)
        }
    }

    func testModulesOnModulePathAreFoundByName() throws {
        let dir = try folder(["Disk/Disk.psm1": "function Get-Disk { 'disk' }", "Versioned/2.0/Versioned.psd1": "@{ ModuleVersion = '2.0' }",
                              "Versioned/1.0/Versioned.psd1": "@{ ModuleVersion = '1.0' }"])
        let saved = ProcessInfo.processInfo.environment["PSModulePath"]
        setenv("PSModulePath", dir, 1)
        defer { if let saved { setenv("PSModulePath", saved, 1) } else { unsetenv("PSModulePath") } }
        // #Requires imports before the script runs; a name also autoloads; versions: newest first.
        let result = TestSession.run("""
            #Requires -Modules Disk
            (Get-Module Disk).Name
            Get-Disk
            (Get-Module -ListAvailable Versioned).Version -join ','
            Import-Module Versioned; (Get-Module Versioned).Version.ToString()
            """)
        XCTAssertEqual(TestSession.lines(result.out), ["Disk", "disk", "2.0,1.0", "2.0"])
        XCTAssertEqual(result.err, "")
    }

    /// (manifest text, FullyQualifiedErrorId of Import-Module's error)
    let manifestErrorRows: [(String, String)] = [
        ("@{ ModuleVersion = '1.0'; Owner = 'x' }", "Modules_InvalidManifestMember"),
        ("@{ Description = 'no version' }", "Modules_InvalidManifest"),
        ("@{ ModuleVersion = 'abc' }", "Modules_InvalidManifest"),
        ("@{ ModuleVersion = '1.0'; PowerShellVersion = '99.0' }", "Modules_InsufficientPowerShellVersion"),
        ("@{ ModuleVersion = '1.0'; RootModule = 'a.psm1'; ModuleToProcess = 'b.psm1' }", "Modules_ModuleManifestCannotContainBothModuleToProcessAndRootModule"),
        ("@{ ModuleVersion = '1.0'; RequiredModules = 'NoSuch' }", "Modules_InvalidManifest"),
        ("@{ ModuleVersion = '1.0'; NestedModules = 'Missing' }", "Modules_ModuleFileNotFound"),
        ("@{ ModuleVersion = '1.0'; RootModule = 'Missing.psm1' }", "Modules_ModuleFileNotFound"),
        ("@{ ModuleVersion = '1.0'; NestedModules = 'Mod*' }", "Modules_WildCardNotAllowedInModuleToProcessAndInNestedModules"),
        ("'not a hashtable'", "Modules_InvalidManifest"),
    ]

    func testManifestErrors() throws {
        for (manifest, id) in manifestErrorRows {
            let dir = try folder(["M.psd1": manifest])
            let result = TestSession.run("try { Import-Module '\(dir)/M.psd1' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            XCTAssertEqual(TestSession.lines(result.out), [id + ",Microsoft.PowerShell.Commands.ImportModuleCommand"], manifest)
        }
    }
}
