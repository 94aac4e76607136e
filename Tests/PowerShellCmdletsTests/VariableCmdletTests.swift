import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// *-Variable and *-Alias cmdlets. Each row: script, what pwsh 7.6 prints, id of the last
/// error (nil: none).
final class VariableCmdletTests: XCTestCase {
    /// Evidence: v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility Get-Variable,
    /// New-Variable, Set-Variable, Remove-Variable, Clear-Variable .Tests.ps1 (VariableNotFound,
    /// VariableAlreadyExists, VariableNotWritable, VariableNotRemovable per cmdlet; -Force,
    /// -Scope, -ValueOnly, wildcard names find nothing without error); docs reference/7.6
    /// *-Variable (-PassThru gives the PSVariable, -Description, -Option).
    func testVariables() {
        check([
            CmdletRow("New-Variable p 4; $p", "4"),
            CmdletRow("New-Variable -Name d -Value 3 -Description 'desc'; (Get-Variable d).Description", "desc"),
            CmdletRow("New-Variable x 1; New-Variable x 2; $x", "1", "VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand"),
            CmdletRow("New-Variable x 1; New-Variable x 2 -Force; $x", "2"),
            CmdletRow("Set-Variable -Name x -Value 5; $x", "5"),
            CmdletRow("(Set-Variable x 5 -PassThru).Value", "5"),
            CmdletRow("New-Variable r 1 -Option ReadOnly; Set-Variable r 2; $r", "1", "VariableNotWritable,Microsoft.PowerShell.Commands.SetVariableCommand"),
            CmdletRow("New-Variable r 1 -Option ReadOnly; Set-Variable r 2 -Force; $r", "2"),
            CmdletRow("function f { Set-Variable -Name g -Value 7 -Scope Script }; f; $g", "7"),
            CmdletRow("$v = 'outer'; function f { $v = 'inner'; Get-Variable v -Scope 1 -ValueOnly }; f", "outer"),
            CmdletRow("$abc1 = 1; $abc2 = 2; (Get-Variable abc*).Name -join ','", "abc1,abc2"),
            CmdletRow("@(Get-Variable nosuch*).Count", "0"),
            CmdletRow("$z = 9; Get-Variable z -ValueOnly", "9"),
            CmdletRow("$z = 9; (Get-Variable z).GetType().Name", "PSVariable"),
            CmdletRow("Get-Variable nosuch; 'next'", "next", "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"),
            CmdletRow("Get-Variable nosuch -ValueOnly -ErrorAction SilentlyContinue; 'next'", "next", "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"),
            CmdletRow("$a = 1; Remove-Variable a; Test-Path variable:a", "False"),
            CmdletRow("Remove-Variable nosuch; 'next'", "next", "VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand"),
            CmdletRow("New-Variable c 1 -Option Constant; Remove-Variable c; $c", "1", "VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand"),
            CmdletRow("New-Variable r 1 -Option ReadOnly; Remove-Variable r; $r", "1", "VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand"),
            CmdletRow("New-Variable r 1 -Option ReadOnly; Remove-Variable r -Force; Test-Path variable:r", "False"),
            CmdletRow("$c = 5; Clear-Variable c; $null -eq $c; Test-Path variable:c", "True\nTrue"),
            CmdletRow("Clear-Variable nosuch; 'next'", "next", "VariableNotFound,Microsoft.PowerShell.Commands.ClearVariableCommand"),
            CmdletRow("New-Variable r 1 -Option ReadOnly; Clear-Variable r; $r", "1", "VariableNotWritable,Microsoft.PowerShell.Commands.ClearVariableCommand"),
        ])
    }

    /// pwsh's Var.cs and PSVariable.SetOptions at v7.6.5: VariableAlreadyExists is a
    /// SessionStateException; Set-Variable matches wildcards in the local (or -Scope) scope,
    /// skips names -Include/-Exclude filter out, -Scope Private makes a private variable, and
    /// refuses to make an existing variable constant or take AllScope away; Clear-Variable
    /// without -Scope clears as `$x = $null` would (a local variable for an outer one); an
    /// AllScope variable is one variable in the scopes below; Get-Variable lists `?` and `PWD`.
    func testVariableScopesAndOptions() {
        check([
            CmdletRow("New-Variable x 1; try { New-Variable x 2 -ErrorAction Stop } catch { $_.CategoryInfo.Reason }", "SessionStateException",
                      "VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand"),
            CmdletRow("Set-Variable ab 1; Set-Variable bc 2; Set-Variable -Name '*b*' -Value 9 -Exclude 'b*'; \"$ab $bc\"", "9 2"),
            CmdletRow("Set-Variable -Name f1, f2 -Value 3 -Exclude f2; Test-Path variable:f1; Test-Path variable:f2", "True\nFalse"),
            CmdletRow("Set-Variable pv 1 -Option ReadOnly -Scope Private; (Get-Variable pv).Options", "ReadOnly, Private"),
            CmdletRow("New-Variable v 1; Set-Variable v -Option Constant; (Get-Variable v).Options", "None",
                      "VariableCannotBeMadeConstant,Microsoft.PowerShell.Commands.SetVariableCommand"),
            CmdletRow("New-Variable v 1 -Option AllScope; Set-Variable v -Option None; (Get-Variable v).Options", "AllScope",
                      "VariableAllScopeOptionCannotBeRemoved,Microsoft.PowerShell.Commands.SetVariableCommand"),
            CmdletRow("$o = 'bar'; & { Clear-Variable o; \"[$o]\"; Remove-Variable o; \"[$o]\" }; $o", "[]\n[bar]\nbar"),
            CmdletRow("function f { New-Variable a 1 -Option AllScope; & { $a = 2 }; $a }; f", "2"),
            CmdletRow("(Get-Variable).Name -contains '?'; (Get-Variable PWD).Value.GetType().Name", "True\nPathInfo"),
        ])
    }

    /// Evidence: oracle cmdlets/aliases (Linux pwsh has no `ls` alias; `?` is a wildcard
    /// matching %, ?, h, r; New-Alias/Set-Alias); v7.6.5 GetAliasCommand.cs,
    /// RemoveAliasCommand.cs, NewAliasCommand.cs, AliasInfo.cs (ItemNotFoundException,
    /// AliasAlreadyExists, AliasNotWritable; Get-Alias sorts by name); docs reference/7.6
    /// Get-Alias (-Definition), New-Alias (-Description, -Force).
    func testAliases() {
        check([
            // pwsh sorts by name in the current culture, where `?` comes before `%` (oracle
            // cmdlets/aliases and native/n08-alias-list).
            CmdletRow("(Get-Alias ?).Definition -join ','", "Where-Object,ForEach-Object,Get-History,Invoke-History"),
            CmdletRow("(Get-Alias -Definition Get-ChildItem).Name -join ','", "dir,gci"),
            CmdletRow("(Get-Alias select).Definition", "Select-Object"),
            CmdletRow("Get-Alias ls; 'next'", "next", "ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand"),
            CmdletRow("@(Get-Alias nosuch*).Count", "0"),
            CmdletRow("New-Alias -Name gw -Value Get-Date -Description 'd'; (Get-Alias gw).Description", "d"),
            CmdletRow("New-Alias -Name gw -Value Get-Date; (Get-Alias gw).ResolvedCommandName", "Get-Date"),
            CmdletRow("New-Alias -Name gw -Value get-date; New-Alias -Name gw2 -Value gw; (Get-Alias gw2).ResolvedCommandName; (Get-Alias gw2).Options", "Get-Date\nNone"),
            CmdletRow("New-Alias gw Get-Date; New-Alias gw Get-Location; (Get-Alias gw).Definition", "Get-Date",
                      "AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand"),
            CmdletRow("New-Alias gw Get-Date; New-Alias gw Get-Location -Force; (Get-Alias gw).Definition", "Get-Location"),
            CmdletRow("Set-Alias gw Get-Date; Set-Alias gw Get-Location; (Get-Alias gw).Definition", "Get-Location"),
            CmdletRow("New-Alias gw Get-Date -Option ReadOnly; Set-Alias gw Get-Location; (Get-Alias gw).Definition", "Get-Date",
                      "AliasNotWritable,Microsoft.PowerShell.Commands.SetAliasCommand"),
            CmdletRow("Set-Alias say Write-Output; say 'hi'; Remove-Alias say; Test-Path alias:say", "hi\nFalse"),
            CmdletRow("Remove-Alias nosuch; 'next'", "next", "ItemNotFoundException,Microsoft.PowerShell.Commands.RemoveAliasCommand"),
            // v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility/Remove-Alias.Tests.ps1:
            // a read-only alias is removed only with -Force (AliasNotRemovable otherwise).
            CmdletRow("Set-Alias tral Write-Output -Option ReadOnly; Remove-Alias tral; 'next'", "next",
                      "AliasNotRemovable,Microsoft.PowerShell.Commands.RemoveAliasCommand"),
            CmdletRow("Set-Alias tral Write-Output -Option ReadOnly; Remove-Alias tral -Force; @(Get-Alias tral -ErrorAction SilentlyContinue).Count", "0",
                      "ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand"),
            CmdletRow("function f { Set-Alias inner Get-Date; Remove-Alias inner; Test-Path alias:inner }; f", "False"),
        ])
    }
}
