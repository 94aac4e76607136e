import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// Content, item and location cmdlets against a scratch folder ({folder} in the scripts).
final class FileCmdletsTests: XCTestCase {
    func testContent() {
        check([
            ScriptCase("Set-Content ./a.txt 'one', 'two'; Get-Content ./a.txt", "one\ntwo"),
            ScriptCase("Set-Content ./a.txt 'one', 'two'; (Get-Content ./a.txt -Raw).Length", "8"),
            ScriptCase("'x', 'y' | Set-Content ./a.txt; Add-Content ./a.txt 'z'; (Get-Content ./a.txt) -join ','", "x,y,z"),
            ScriptCase("Set-Content ./a.txt 'a', 'b' -NoNewline; Get-Content ./a.txt -Raw", "ab"),
            ScriptCase("1..5 | Set-Content ./n.txt; (Get-Content ./n.txt -TotalCount 2) -join ','; (Get-Content ./n.txt -Tail 2) -join ','; (Get-Content ./n.txt -First 1)", "1,2\n4,5\n1"),
            ScriptCase("Set-Content ./a.txt 'keep'; Clear-Content ./a.txt; (Get-Item ./a.txt).Length; $null -eq (Get-Content ./a.txt -Raw)", "0\nTrue"),
            ScriptCase("Set-Content ./p.txt 'v' -PassThru", "v"),
            ScriptCase("Set-Content ./d.txt 'a;b;c' -NoNewline; (Get-Content ./d.txt -Delimiter ';') -join '|'", "a;|b;|c"),
            ScriptCase("Set-Content ./r.txt 'a','b','c'; (Get-Content ./r.txt -ReadCount 2)[0] -join '+'", "a+b"),
            ScriptCase("Set-Content ./e.txt 'é' -Encoding utf8BOM; (Get-Item ./e.txt).Length; Get-Content ./e.txt", "6\né"),
            ScriptCase("Get-Content ./missing.txt -ErrorAction SilentlyContinue; $Error[0].Exception.Message; $Error[0].FullyQualifiedErrorId; $Error[0].CategoryInfo.Category; $Error[0].TargetObject",
                       "Cannot find path '{folder}/missing.txt' because it does not exist.\nPathNotFound,Microsoft.PowerShell.Commands.GetContentCommand\nObjectNotFound\n{folder}/missing.txt"),
            ScriptCase("try { Set-Content ./no/dir/a.txt 'x' -ErrorAction Stop } catch { $_.Exception.Message }",
                       "Could not find a part of the path '{folder}/no/dir/a.txt'."),
            // GetContentCommand.cs and FileSystemProvider.ValidateParameters: parameter
            // combinations refused, -Tail only on the file system, a wildcard matching nothing.
            ScriptCase("Set-Content ./a.txt 1, 2; foreach ($p in @{ Tail = 1; TotalCount = 1 }, @{ Tail = 1; Raw = $true }, @{ TotalCount = 2; Raw = $true }) { try { Get-Content ./a.txt @p -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message } }; "
                       + "Get-Content ./a.txt -TotalCount 0 | Measure-Object | ForEach-Object Count; Get-Content ./nothere.txt -TotalCount 0",
                       "TailAndHeadCannotCoexist,Microsoft.PowerShell.Commands.GetContentCommand\nThe parameters TotalCount and Tail cannot be used together. Please specify only one parameter.\n"
                       + "InvalidOperation,Microsoft.PowerShell.Commands.GetContentCommand\nThe 'Raw' and 'Tail' parameters cannot be specified in the same command.\n"
                       + "InvalidOperation,Microsoft.PowerShell.Commands.GetContentCommand\nThe 'Raw' and 'TotalCount' parameters cannot be specified in the same command.\n0"),
            ScriptCase("foreach ($p in 'Variable:\\PSHOME', './none*.txt', '.') { try { Get-Content $p -Tail 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId } }",
                       "TailNotSupported,Microsoft.PowerShell.Commands.GetContentCommand\nItemNotFound,Microsoft.PowerShell.Commands.GetContentCommand\n"
                       + "GetContainerContentException,Microsoft.PowerShell.Commands.GetContentCommand"),
            // Counted in bytes with -AsByteStream; read backwards, items lose their delimiter.
            ScriptCase("Set-Content ./b.txt 'AB', 'CD'; (Get-Content ./b.txt -AsByteStream -Tail 3) -join ','; (Get-Content ./b.txt -AsByteStream -TotalCount 2) -join ','; "
                       + "Set-Content ./d.txt 'a;b;c;' -NoNewline; (Get-Content ./d.txt -Delimiter ';' -Tail 2) -join '|'",
                       "67,68,10\n65,66\nb|c"),
        ], errors: false)
    }

    func testItems() {
        check([
            ScriptCase("$f = New-Item -ItemType File -Path ./a.txt -Value 'abc'; $f.Name; $f.Length; $f.GetType().Name; $f.Extension; $f.BaseName",
                       "a.txt\n3\nFileInfo\n.txt\na"),
            ScriptCase("$d = New-Item -ItemType Directory -Path ./sub/deep; $d.Name; $d.GetType().Name; Test-Path ./sub/deep -PathType Container", "deep\nDirectoryInfo\nTrue"),
            ScriptCase("New-Item ./a.txt | Out-Null; try { New-Item ./a.txt -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }",
                       "The file '{folder}/a.txt' already exists.\nNewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"),
            ScriptCase("New-Item ./a.txt -Value 'x' | Out-Null; New-Item ./a.txt -Value 'yz' -Force | Out-Null; Get-Content ./a.txt", "yz"),
            ScriptCase("New-Item -ItemType Directory ./d | Out-Null; try { New-Item -ItemType Directory ./d -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }",
                       "DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand"),
            ScriptCase("(New-Item -Path . -Name n.txt -ItemType File).FullName", "{folder}/n.txt"),
            ScriptCase("New-Item ./a.txt | Out-Null; Test-Path ./a.txt; Test-Path ./a.txt -PathType Leaf; Test-Path ./a.txt -PathType Container; Test-Path ./zz; Test-Path ./*.txt",
                       "True\nTrue\nFalse\nFalse\nTrue"),
            ScriptCase("Test-Path '/no/such' -IsValid", "True"),
            ScriptCase("New-Item ./a.txt | Out-Null; Remove-Item ./a.txt; Test-Path ./a.txt", "False"),
            ScriptCase("New-Item ./d/f.txt -Force | Out-Null; Remove-Item ./d -ErrorAction SilentlyContinue; Test-Path ./d; Remove-Item ./d -Recurse; Test-Path ./d",
                       "True\nFalse"),
            ScriptCase("try { Remove-Item ./nope -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }", "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"),
            ScriptCase("Set-Content ./a.txt 'c'; Copy-Item ./a.txt ./b.txt; Move-Item ./b.txt ./c.txt; Rename-Item ./c.txt d.txt; (Get-ChildItem -Name) -join ','; Get-Content ./d.txt",
                       "a.txt,d.txt\nc"),
            ScriptCase("New-Item -ItemType Directory ./dest | Out-Null; Set-Content ./a.txt 'c'; Copy-Item ./a.txt ./dest; Test-Path ./dest/a.txt", "True"),
            ScriptCase("try { Get-Item ./nope -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason; $_.TargetObject }",
                       "Cannot find path '{folder}/nope' because it does not exist.\nPathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\nItemNotFoundException\n{folder}/nope"),
            ScriptCase("Remove-Item ./*.none; 'quiet'", "quiet"),
        ], errors: false)
    }

    func testGetChildItem() {
        check([
            ScriptCase("""
                New-Item -ItemType Directory ./listing | Out-Null
                Set-Location ./listing
                New-Item -ItemType File -Path ./b.log -Value 'de' | Out-Null
                New-Item -ItemType File -Path ./a.txt -Value 'abc' | Out-Null
                New-Item -ItemType Directory -Path ./zdir | Out-Null
                New-Item -ItemType File -Path ./zdir/inner.txt | Out-Null
                New-Item -ItemType File -Path ./.hidden | Out-Null
                (Get-ChildItem -Filter *.txt).Name
                (Get-ChildItem).Name -join ','
                (Get-ChildItem -Force -File).Name -join ','
                (Get-ChildItem -Directory).Name
                (Get-ChildItem -Recurse -Name) -join ','
                (Get-ChildItem -Recurse -Include *.txt).Name -join ','
                (Get-ChildItem -Exclude *.log).Name -join ','
                (Get-ChildItem ./a.txt).Length
                """, "a.txt\nzdir,a.txt,b.log\n.hidden,a.txt,b.log\nzdir\nzdir,a.txt,b.log,zdir/inner.txt\na.txt,inner.txt\nzdir,a.txt\n3"),
        ], errors: false)
    }

    func testEnvironmentDrive() {
        check([
            ScriptCase("$env:TEAMSH_CMDB = 'v1'; Test-Path env:TEAMSH_CMDB; (Get-Item env:TEAMSH_CMDB).Value; Get-Content env:TEAMSH_CMDB; Remove-Item env:TEAMSH_CMDB; $null -eq $env:TEAMSH_CMDB",
                       "True\nv1\nv1\nTrue"),
            ScriptCase("Set-Item env:TEAMSH_CMDB2 'x'; $env:TEAMSH_CMDB2; (Get-ChildItem env:TEAMSH_CMDB2).Name; Remove-Item env:TEAMSH_CMDB2", "x\nTEAMSH_CMDB2"),
            ScriptCase("New-Item env:TEAMSH_CMDB3 -Value 'n' | Out-Null; $env:TEAMSH_CMDB3; Remove-Item env:TEAMSH_CMDB3; Test-Path env:TEAMSH_CMDB3", "n\nFalse"),
            ScriptCase("try { Remove-Item env:TEAMSH_NOPE -ErrorAction Stop } catch { $_.Exception.Message }",
                       "Cannot find path 'Env:\\TEAMSH_NOPE' because it does not exist."),
        ], errors: false)
    }

    func testLocationAndPaths() {
        check([
            ScriptCase("Set-Location /tmp; (Get-Location).Path; Push-Location /; (Get-Location).Path; Pop-Location; (Get-Location).Path", "/tmp\n/\n/tmp"),
            ScriptCase("try { Set-Location ./nope -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }", "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"),
            ScriptCase("(Set-Location / -PassThru).Path", "/"),
            ScriptCase("Join-Path /a b; Join-Path /a/ /b; Join-Path a b -AdditionalChildPath c, d; Join-Path -Path a, x -ChildPath b", "/a/b\n/a/b\na/b/c/d\na/b\nx/b"),
            ScriptCase("Split-Path /a/b/c.txt; Split-Path /a/b/c.txt -Leaf; Split-Path /a/b/c.txt -LeafBase; Split-Path /a/b/c.txt -Extension; Split-Path /a",
                       "/a/b\nc.txt\nc\n.txt\n/"),
            ScriptCase("Split-Path c.txt; Split-Path /a/b -IsAbsolute; Split-Path a/b -IsAbsolute; Split-Path env:PATH -Qualifier; Split-Path env:PATH -NoQualifier",
                       "\nTrue\nFalse\nenv:\nPATH"),
            ScriptCase("New-Item ./s/a.txt -Force | Out-Null; New-Item ./b.txt | Out-Null; (Resolve-Path ./s/a.txt).Path; Resolve-Path ./s/a.txt -Relative; Resolve-Path ./a.txt -Relative -RelativeBasePath ./s; Set-Location ./s; Resolve-Path ../b.txt -Relative",
                       "{folder}/s/a.txt\n./s/a.txt\n./a.txt\n../b.txt"),
            // ResolvePathCommand.cs: -RelativeBasePath stands in for the current location (the
            // location itself is unchanged after); a base that does not exist is PathNotFound.
            ScriptCase("New-Item ./s/a.txt -Force | Out-Null; (Resolve-Path ./a.txt -RelativeBasePath ./s).ProviderPath; Resolve-Path ../s/a.txt -RelativeBasePath ./s -Relative; (Get-Location).Path; "
                       + "try { Resolve-Path ./s/a.txt -RelativeBasePath ./s -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }; "
                       + "try { Resolve-Path a.txt -RelativeBasePath ./nope -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }",
                       "{folder}/s/a.txt\n./a.txt\n{folder}\nPathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand\nPathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand"),
            // A wildcard skips dot files without -Force; a path on a file-system drive keeps the drive.
            ScriptCase("New-Item ./h/.x.txt, ./h/y.txt -Force | Out-Null; (Resolve-Path ./h/*.txt).Count; (Resolve-Path ./h/*.txt -Force).Count; (Resolve-Path ./h/.x.txt).Count; "
                       + "New-PSDrive -Name Dq -PSProvider FileSystem -Root (Resolve-Path ./h).Path | Out-Null; $r = Resolve-Path Dq:\\y.txt; $r.Path; $r.ProviderPath; (Resolve-Path Dq:\\).Path",
                       "1\n2\n1\nDq:/y.txt\n{folder}/h/y.txt\nDq:/"),
        ], errors: false)
    }
}
