# Evidence: pwsh's CallStackFrame (debugger.cs at v7.6.5) and its ETS members (TypeTable
# Types_Ps1Xml: Command is the invoked command's name, Arguments is "{Name=value, …}" from the
# bound parameters then the unbound arguments, Location is GetScriptLocation() "file: line N");
# frames come innermost first, each at the line it is running (the innermost at the
# Get-PSCallStack call); ToString is "at {FunctionName}, {ScriptName}: line {N}"
# (DebuggerStrings.resx).
function Get-Caller { (Get-PSCallStack)[1].FunctionName }
function Invoke-Outer { param($Name, $Count) Invoke-Inner $Name }
function Invoke-Inner {
    param($Who)
    $stack = Get-PSCallStack
    $stack[0].Command
    $stack[0].Arguments
    $stack[0].Location
    $stack[0].ScriptLineNumber
    $stack[1].Command
    $stack[1].Arguments
    $stack[1].Location
    "caller: $(Get-Caller)"
    "$($stack[0])" -replace '^at (\S+), .*/', 'at $1, '
}
Invoke-Outer -Name 'x' -Count 2
function Test-Unbound { (Get-PSCallStack)[0].Arguments }
Test-Unbound 1 'two'
