import XCTest
import TestSupport
@testable import PowerShellCmdlets

/// One call site run many times while the name it calls changes meaning through the providers
/// and cmdlets (Remove-Item function:, Set-Alias, Set-Item, script files): pwsh looks the name
/// up again on every call, alias before function before cmdlet, from the scope the call runs in.
final class CommandResolutionCmdletTests: XCTestCase {
    func testCallSiteFollowsCommandChanges() {
        check([
            ScriptCase("function f { 'f' }; foreach ($i in 1..3) { if ($i -eq 2) { Remove-Item function:f }; try { f } catch { 'gone' } }",
                       "f\ngone\ngone", "CommandNotFoundException"),
            ScriptCase("function Write-Output { 'fn' }; foreach ($i in 1..3) { if ($i -eq 2) { Remove-Item function:Write-Output }; Write-Output c }",
                       "fn\nc\nc"),
            ScriptCase("function f { 'old' }; foreach ($i in 1..3) { if ($i -eq 2) { Set-Item function:f { 'new' } }; f }", "old\nnew\nnew"),
            // An alias hides a function and a cmdlet of its name while it exists.
            ScriptCase("function f { 'f' }; function g { 'g' }; foreach ($i in 1..4) { if ($i -eq 2) { Set-Alias f g }; if ($i -eq 4) { Remove-Item alias:f }; f }",
                       "f\ng\ng\nf"),
            ScriptCase("function shout { \"!$args\" }; foreach ($i in 1..3) { if ($i -eq 2) { Set-Alias Write-Output shout }; Write-Output $i }", "1\n!2\n!3"),
            // An alias local to a caller still running in another pipeline stage.
            ScriptCase("function f { 'top' }; function t { 't' }; function g { f }; function a { Set-Alias f t; 1; $x = g; \"a:$x\" }; function b { process { $_; g } }; a | b",
                       "1\ntop\na:t\ntop"),
            // The same with advanced functions (called through the binder, not directly).
            ScriptCase("function f { [CmdletBinding()] param() 'f' }; foreach ($i in 1..3) { if ($i -eq 2) { Remove-Item function:f }; try { f } catch { 'gone' } }",
                       "f\ngone\ngone", "CommandNotFoundException"),
            ScriptCase("function Write-Output { [CmdletBinding()] param($x) 'fn' }; foreach ($i in 1..3) { if ($i -eq 2) { Remove-Item function:Write-Output }; Write-Output c }",
                       "fn\nc\nc"),
            ScriptCase("function f { [CmdletBinding()] param() 'f' }; function g { [CmdletBinding()] param() 'g' }; foreach ($i in 1..4) { if ($i -eq 2) { Set-Alias f g }; if ($i -eq 4) { Remove-Item alias:f }; f }",
                       "f\ng\ng\nf"),
            ScriptCase("foreach ($i in 1..3) { if ($i -eq 2) { function Write-Output { [CmdletBinding()] param($x) \"fn $x\" } }; Write-Output $i }", "1\nfn 2\nfn 3"),
            // A script file's functions live in its scope and end with it; dot-sourced, they stay.
            ScriptCase("function f { 'top' }; function g { f }; foreach ($i in 1..2) { ./x.ps1; g }", "script\ntop\nscript\ntop"),
            ScriptCase("function f { 'top' }; function g { f }; foreach ($i in 1..2) { g; . ./x.ps1 }", "top\nscript\nscript\nscript"),
            ScriptCase("function f { [CmdletBinding()] param() 'top' }; function g { f }; foreach ($i in 1..2) { ./y.ps1; g }", "script\ntop\nscript\ntop"),
        ], setup: { r in
            r.write("x.ps1", "function f { 'script' }; g")
            r.write("y.ps1", "function f { [CmdletBinding()] param() 'script' }; g")
        })
    }
}
