import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// New-Object, Add-Member, Get-Member, and binding errors raised for cmdlets. Each row: script,
/// what pwsh 7.6 prints, id of the last error (nil: none).
final class ObjectCmdletTests: XCTestCase {
    /// Evidence: docs reference/7.6 New-Object (-TypeName, -ArgumentList, -Property);
    /// v7.6.5 New-Object.Tests.ps1 and New-Object.cs (TypeNotFound; a constructor error is
    /// ConstructorInvokedThrowException).
    func testNewObject() {
        check([
            CmdletRow("(New-Object System.Text.StringBuilder 'ab').ToString()", "ab"),
            CmdletRow("(New-Object -TypeName System.Collections.ArrayList).Count", "0"),
            CmdletRow("(New-Object DateTime 2024, 1, 2).Day", "2"),
            CmdletRow("(New-Object psobject -Property ([ordered]@{ B = 1; A = 2 })).PSObject.Properties.Name -join ','", "B,A"),
            CmdletRow("(New-Object -TypeName System.Collections.Hashtable).GetType().Name", "Hashtable"),
            CmdletRow("New-Object -TypeName No.Such.Type; 'next'", "next", "TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand"),
            CmdletRow("New-Object System.DateTime 'a', 'b', 'c'; 'next'", "next", "ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand"),
            CmdletRow("New-Object -TypeName System.Object -NoSuch 1; 'next'", "next", "NamedParameterNotFound,Microsoft.PowerShell.Commands.NewObjectCommand"),
        ])
    }

    /// Evidence: oracle cmdlets/add-member-more (ScriptProperty, ScriptMethod,
    /// -NotePropertyMembers, -PassThru, MemberAlreadyExists, -Force); docs reference/7.6
    /// Add-Member (AliasProperty, -TypeName, -InputObject, decorating a string with -PassThru);
    /// ScriptTableTests MissingMandatoryParameter (non-interactive sessions do not prompt).
    func testAddMember() {
        let o = "$o = [pscustomobject]@{ A = 2 }; "
        check([
            CmdletRow(o + "$o | Add-Member -MemberType ScriptMethod -Name Mul -Value { param($n) $this.A * $n }; $o.Mul(3)", "6"),
            CmdletRow(o + "$o | Add-Member -MemberType AliasProperty -Name B -Value A; $o.B", "2"),
            CmdletRow(o + "Add-Member -InputObject $o -MemberType NoteProperty -Name N -Value 1; $o.N", "1"),
            CmdletRow(o + "$o | Add-Member -NotePropertyMembers ([ordered]@{ X = 1; Y = 2 }); $o.X + $o.Y", "3"),
            CmdletRow(o + "$o | Add-Member -TypeName My.Type; $o.PSObject.TypeNames[0]", "My.Type"),
            CmdletRow(o + "($o | Add-Member -NotePropertyName Z -NotePropertyValue 9 -PassThru).Z", "9"),
            CmdletRow("$s = 'abc' | Add-Member -NotePropertyName Tag -NotePropertyValue 1 -PassThru; $s.Tag; $s.Length", "1\n3")
                .bug("Add-Member -PassThru on a string drops the new note property"),
            CmdletRow(o + "$o | Add-Member -NotePropertyName A -NotePropertyValue 5; $o.A", "2", "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"),
            CmdletRow(o + "$o | Add-Member -NotePropertyName A -NotePropertyValue 5 -Force; $o.A", "5"),
            CmdletRow("Add-Member -NotePropertyName x -NotePropertyValue 1; 'next'", "next", "MissingMandatoryParameter,Microsoft.PowerShell.Commands.AddMemberCommand"),
        ])
    }

    /// Evidence: docs reference/7.6 Get-Member (-Name, -MemberType, -InputObject; one entry per
    /// type for piped collections); v7.6.5 Get-Member.Tests.ps1 (no input:
    /// NoObjectInGetMember).
    func testGetMember() {
        check([
            CmdletRow("(1 | Get-Member -MemberType Method -Name ToString).Name", "ToString"),
            CmdletRow("('a' | Get-Member -Name Length).MemberType", "Property"),
            CmdletRow("(1 | Get-Member)[0].TypeName", "System.Int32"),
            CmdletRow("(Get-Member -InputObject 'a' -Name Length).Definition", "int Length {get;}"),
            CmdletRow("@('a', 'b' | Get-Member -Name Length).Count", "1"),
            CmdletRow("@(1, 'a' | Get-Member -Name CompareTo).Count", "2"),
            CmdletRow("([pscustomobject]@{ a = 1; b = 'x' } | Get-Member -MemberType NoteProperty).Name -join ','", "a,b"),
            CmdletRow("Get-Member -MemberType All; 'next'", "next", "NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"),
        ])
    }

    /// Binding errors a cmdlet raises stop only their statement. Evidence: oracle
    /// errors/binding-named-not-found, binding-positional, binding-type; v7.6.5
    /// ParameterBinderBase.cs (a failed conversion of a typed parameter: CannotConvertArgumentNoMessage),
    /// ParameterBinderController.cs (InputObjectNotBound when no parameter takes the piped
    /// object); Get-Content.Tests.ps1 (-TotalCount -2: ParameterArgumentValidationError).
    func testBindingErrors() {
        check([
            CmdletRow("Get-Date -NoSuchParam 1; 'continues'", "continues", "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetDateCommand"),
            CmdletRow("Get-Date 2024-01-01 extra; 'continues'", "continues", "PositionalParameterNotFound,Microsoft.PowerShell.Commands.GetDateCommand"),
            CmdletRow("Get-Date -Year 'abc'; 'continues'", "continues", "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetDateCommand"),
            CmdletRow("1 | Get-Location | Out-Null; 'continues'", "continues", "InputObjectNotBound,Microsoft.PowerShell.Commands.GetLocationCommand"),
            CmdletRow("Set-Content ./a.txt 'x'; Get-Content ./a.txt -TotalCount -2; 'continues'", "continues",
                      "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetContentCommand"),
            CmdletRow("Get-Item ./nope; 'continues'", "continues", "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"),
            CmdletRow("Set-Location ./nope; 'continues'", "continues", "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"),
            CmdletRow("Get-ChildItem ./nope; 'continues'", "continues", "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"),
            CmdletRow("Copy-Item ./nope ./b; 'continues'", "continues", "PathNotFound,Microsoft.PowerShell.Commands.CopyItemCommand"),
            CmdletRow("ConvertFrom-StringData -StringData 'ab'; 'continues'", "continues", "InvalidOperation,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"),
        ])
    }
}
