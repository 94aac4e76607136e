import XCTest
import TestSupport
import PowerShellSyntax
@testable import PowerShellRuntime

/// Table-driven script tests run through a bare `ExecutionContext` (no cmdlets registered, so
/// these rows use only the language: this keeps the runtime tests free of the higher targets).
/// Each row: the script, what it prints, and the FullyQualifiedErrorId of the last error
/// (`$Error[0]`), or nil when the script must raise none. Expectations come from pwsh 7.6:
/// the oracle's language/ cases and v7.6.5 test/powershell/Language/** (named per group).
final class ScriptTableTests: XCTestCase {
    typealias Row = ScriptRow

    /// Runs one script in a fresh context; returns its output and last error id.
    func run(_ source: String) -> ScriptResult { T.runScript(source) }

    func check(_ rows: [Row], file: StaticString = #filePath) {
        check(rows, file: file) { run($0.script) }
    }

    /// Binding errors (ids as raised in pwsh v7.6.5 ParameterBinderController.cs and
    /// CommandProcessor.cs): each stops only its statement (oracle errors/binding-named-not-found:
    /// the script goes on) and leaves its id in $Error. Ids: oracle
    /// language/functions-binding-errors, functions-mandatory-noninteractive,
    /// functions-validation; ParameterBinding.Tests.ps1 (AmbiguousParameterSet, NullNotAllowed).
    /// InputObjectNotBound is a per-object (non-terminating) error, so the pipeline goes on too.
    func testParameterBinderErrors() {
        check([
            Row("function f { [CmdletBinding()] param($a) }; f -b 1; 'next'",
                "next", "NamedParameterNotFound,f"),
            Row("function f { [CmdletBinding()] param($Identity, $Ident2) }; f -Ide 1; 'next'",
                "next", "AmbiguousParameter,f"),
            Row("function f { [CmdletBinding()] param([int]$Count) $Count }; f 1 2; 'next'",
                "next", "PositionalParameterNotFound,f"),
            Row("function f { [CmdletBinding()] param([int]$Count) }; f -Count; 'next'",
                "next", "MissingArgument,f"),
            Row("function f { param([Parameter(Mandatory)][string]$Identity) }; f; 'next'",
                "next", "MissingMandatoryParameter,f"),
            Row("function f { param([int]$Count) }; f -Count abc; 'next'",
                "next", "ParameterArgumentTransformationError,f"),
            Row("function f { param([ValidateRange(1, 10)][int]$N) }; f -N 11; 'next'",
                "next", "ParameterArgumentValidationError,f"),
            Row("function f { param($a) }; f -a 1 -a 2; 'next'",
                "next", "ParameterAlreadyBound,f"),
            // At most 32 parameter sets (a bit mask in pwsh's MergedCommandParameterMetadata).
            Row("$p = $(foreach ($i in 1..33) { \"[Parameter(ParameterSetName='s$i')]`$a$i\" }) -join ','; $sb = [scriptblock]::Create(\"param($p) 'ran'\"); & $sb -a1 1; 'next'",
                "next", "ParsingTooManyParameterSets"),
            Row("$p = $(foreach ($i in 1..32) { \"[Parameter(ParameterSetName='s$i')]`$a$i\" }) -join ','; $sb = [scriptblock]::Create(\"param($p) 'ran'\"); & $sb -a1 1",
                "ran"),
            // Two parameters at one position: only positional arguments are refused.
            Row("function f { param([Parameter(Position=0)]$a, [Parameter(Position=0)]$b) \"$a$b\" }; f -a 1 2; f 1; 'next'",
                "12\nnext", "AmbiguousPositionalParameterNoName,f"),
            Row("""
                function f { param([Parameter(ParameterSetName='s1',Position=1)] $a,
                                   [Parameter(ParameterSetName='s2',Position=1)] $b,
                                   [Parameter(ValueFromRemainingArguments=$true)] $foo) }
                f -a a -b b c d; 'next'
                """, "next", "AmbiguousParameterSet,f"),
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)][int]$n) process { $n } }; 'x' | f; 'next'",
                "next", "InputObjectNotBound,f"),
            Row("function f { param([Parameter(Mandatory=$true)] $a) $a }; f -a $null; 'next'",
                "next", "ParameterArgumentValidationErrorNullNotAllowed,f"),
        ])
    }

    /// Successful binding. Evidence: ParameterBinding.Tests.ps1 (positions, remaining
    /// arguments, aliases), oracle language/functions-more and s16-switch-param-forms.
    func testParameterBinding() {
        check([
            Row("function f { param([Parameter(Position=2)] $a, [Parameter(Position=1)] $b) $a; $b }; (f c d) -join ','", "d,c"),
            Row("function f { param([Parameter(Position=1)] $a, [Parameter(ValueFromRemainingArguments=$true)] $foo) $foo }; (f a b -a c d) -join ','", "a,b,d"),
            Row("function f { param([Parameter(Mandatory=$true)][Alias('foo','bar')] $a) $a }; f -bar b", "b"),
            Row("function f { param([switch]$On) $On.IsPresent }; f; f -On; f -On:$false", "False\nTrue\nFalse"),
            Row("function f { param($a = 'A', $b = $a + 'B') \"$a/$b\" }; f; f -a X", "A/AB\nX/XB"),
            Row("function f { param([int]$n) $n.GetType().Name }; f '7'", "Int32"),
            Row("function f { param($First) \"$First|$($args -join ',')\" }; f 1 2 3", "1|2,3"),
            // $args keeps the written order; `--` ends the parameters (Parser.Tests.ps1 line 2313).
            Row("function f { $args -join ',' }; f 4 -5 6 -blah -- foo -bar", "4,-5,6,-blah,foo,-bar"),
            Row("function g($a) { \"a=$a;\" + ($args -join ',') }; g -x 1 2", "a=2;-x,1"),
            // A DefaultParameterSetName no parameter names is still a set: the one in effect
            // when nothing set-specific is bound (It.ps1 of Pester 4 relies on it).
            Row("function f { [CmdletBinding(DefaultParameterSetName='Normal')] param([Parameter(ParameterSetName='P')][switch]$P) $PSCmdlet.ParameterSetName }; f; f -P",
                "Normal\nP"),
            Row("function f { [CmdletBinding(DefaultParameterSetName='None')] param($a) $PSCmdlet.ParameterSetName }; f -a 1", "None"),
        ])
    }

    /// A void .NET method outputs nothing (AutomationNull), as a statement, in `@()`,
    /// parentheses and per-object blocks; its value where one is needed is $null. Evidence:
    /// about_Automatic_Variables ($null vs AutomationNull), Parser.Tests.ps1 at v7.6.5 (results
    /// of a function whose finally block calls `$PowerShell.Commands.Clear()`).
    func testVoidMethodsOutputNothing() {
        check([
            Row("$l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $l.Clear(); @($l.Clear()).Count; ($l.Clear()); 'end'",
                "0\nend"),
            Row("$l = [System.Collections.Generic.List[int]]::new(); $x = $l.Clear(); $null -eq $x; function f { $l.Add(2); 'f' }; @(f).Count",
                "True\n1"),
            Row("$a = [System.Collections.ArrayList]::new(); $a.Add('x'); $h = @{}; $h.Add('k', 1); $h.Remove('k'); $h.Count", "0\n0"),
            Row("class C { [void] M() { } [int] N() { return 3 } }; $c = [C]::new(); @($c.M()).Count; $c.N()", "0\n3"),
            // A [void] cast outputs nothing too (NullConditional.Tests.ps1 at v7.6.5).
            Row("$n = 0; @(& { 'a'; [void]$n++ }).Count; @([void]1).Count; $x = [void]1; $null -eq $x", "1\n0\nTrue"),
            Row("$l = [System.Collections.Generic.List[string]]::new(); foreach ($i in 1..3) { $l.Add(\"$i\") }; $l -join ','", "1,2,3"),
            // Static methods, class methods without a return type and the other receivers are
            // void as .NET declares them; Dictionary.Remove and List.Remove return bool.
            Row("$a = 3,1,2; @([Array]::Sort($a)).Count; $a -join ','; @([Array]::Reverse($a)).Count", "0\n1,2,3\n0"),
            Row("class K { static S() { } static [int] T() { return 1 } }; @([K]::S()).Count; [K]::T(); $null -eq [K]::S()", "0\n1\nTrue"),
            Row("$al = [System.Collections.ArrayList]::new(); $null = $al.Add(1); @($al.Remove(1)).Count; $h = @{}; @($h.set_Item('k', 1)).Count; $h.k",
                "0\n0\n1"),
            Row("$d = [System.Collections.Generic.Dictionary[string,int]]::new(); @($d.Add('a', 1)).Count; $d.Remove('a'); $d.Remove('a')",
                "0\nTrue\nFalse"),
            Row("$s = [securestring]::new(); @($s.AppendChar('a')).Count; $s.Length", "0\n1"),
            Row("$L = [System.Collections.Generic.List[int]]::new(); function a { process { $L.Add($_) } }; @(1..2 | a).Count; $L.Count", "0\n2"),
        ])
    }

    /// Validation attributes (pwsh's Attributes.cs, messages from Metadata.resx): a failure is
    /// ParameterArgumentValidationError whose inner exception carries the validator's own id;
    /// an attribute whose arguments it refuses fails when the command is bound, not defined.
    func testValidationAttributes() {
        let inner = "catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId; $_.Exception.InnerException.Message }"
        check([
            // ValidateSet's ErrorMessage: {0} the value, {1} the set joined with the list
            // separator (ValidateSetAttribute in Attributes.cs at v7.6.5).
            Row("function f { param([ValidateSet('A', 'B', IgnoreCase = $false, ErrorMessage = \"'{0}' not in '{1}'\")] $p) }; f 'A'; try { f 'a' } \(inner)",
                "ParameterArgumentValidationError,f\nValidateSetFailure\n'a' not in 'A,B'",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateCount(2,2)][string[]]$b) }; try { f 1 } \(inner)",
                "ParameterArgumentValidationError,f\nValidateCountExactFailure\nThe parameter requires exactly 2 value(s) - 1 value(s) were provided.",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateCount(2,3)][string[]]$b) }; try { f 1,2,3,4 } \(inner)",
                "ParameterArgumentValidationError,f\nValidateCountMinMaxFailure\nThe parameter requires at least 2 value(s) and no more than 3 value(s) - 4 value(s) were provided.",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateRange('Positive')][int]$b) }; f 1; try { f 0 } \(inner)",
                "ParameterArgumentValidationError,f\nValidateRangePositiveFailure\nThe argument \"0\" cannot be validated because its value is not greater than zero.",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateRange('NonPositive')]$b) }; f -2.5; try { f 'one' } \(inner)",
                "ParameterArgumentValidationError,f\nValidationRangeElementType\nThe argument cannot be validated because its type \"String\" is not the same type (Int32) as the maximum and minimum limits of the parameter. Make sure the argument is of type Int32 and then try the command again.",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateRange(1,10)][int]$b) }; try { f 11 } \(inner)",
                "ParameterArgumentValidationError,f\nValidateRangeTooBig\nThe 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateLength(2,3)][string]$b) }; try { f 'a' } \(inner)",
                "ParameterArgumentValidationError,f\nValidateLengthMinLengthFailure\nThe character length (1) of the argument is too short. Specify an argument with a length that is greater than or equal to \"2\", and then try the command again.",
                "ParameterArgumentValidationError,f"),
            Row("function f { param([ValidateRange(2,1)][int]$b) }; 'defined'; try { f } catch { $_.FullyQualifiedErrorId }",
                "defined\nMaxRangeSmallerThanMinRange", "MaxRangeSmallerThanMinRange"),
            Row("function f { param([ValidateRange('one',10)]$b) }; try { f } catch { $_.FullyQualifiedErrorId }",
                "MinRangeNotTheSameTypeOfMaxRange", "MinRangeNotTheSameTypeOfMaxRange"),
            Row("function f { param([ValidateCount(-1,2)][string[]]$b) }; try { f } catch { $_.FullyQualifiedErrorId }",
                "ExceptionConstructingAttribute", "ExceptionConstructingAttribute"),
            Row("function f { param([ValidateRange('xPositive')]$b) }; try { f } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }",
                "ExceptionConstructingAttribute\nSubstringDisambiguationEnumParseThrewAnException", "ExceptionConstructingAttribute"),
            // Variables take their rules from the same attributes: a refused argument fails at
            // the declaration, a failing value at each assignment (ValidateSetFailure).
            Row("try { [ValidateRange(5, 1)]$v = 3 } catch { $_.FullyQualifiedErrorId }; [ValidateRange('Positive')][int]$p = 1; try { $p = -1 } catch { $_.FullyQualifiedErrorId }; $p",
                "MaxRangeSmallerThanMinRange\nValidateSetFailure\n1", "ValidateSetFailure"),
            Row("[ValidateSet('a', 'b', ErrorMessage = 'no {0}')][string]$w = 'a'; try { $w = 'c' } catch { $_.Exception.Message }; $w",
                "The variable cannot be validated because the value c is not a valid value for the w variable.\na", "ValidateSetFailure"),
        ])
    }

    /// Pipeline phases (pwsh's PipelineProcessor): every command binds, then begins in order; an
    /// upstream begin block's output reaches a command only after its own begin; a `clean`
    /// block runs once the pipeline is over (also after an error or an early stop) if one of
    /// the command's other blocks ran, and its output goes nowhere.
    func testPipelinePhasesAndClean() {
        check([
            Row("function a { begin { 'a-begin' } }; function b { begin { 'b-begin' } process { \"b got $_\" } }; a | b",
                "b-begin\nb got a-begin"),
            Row("function t { end { 'end' } clean { 'dropped'; $global:c = 'cleaned' } }; t; $c", "end\ncleaned"),
            Row("function t { process { } clean { $global:c = 'ran' } }; $global:c = 'no'; @() | t; $c", "no"),
            Row("function t { process { $_ } end { 'end' } clean { $global:c = 'after stop' } }; function s { process { $_; break } }; foreach ($i in 1) { 1..5 | t | s }; $c",
                "1\nafter stop"),
            Row("function t { process { throw 'boom' } clean { $global:c = 'after error' } }; try { 1 | t } catch { \"caught $_\" }; $c",
                "caught boom\nafter error", "boom"),
        ])
    }

    /// Delay-bind script blocks: a script block given to a parameter that takes pipeline input
    /// (and is not of type object or scriptblock) runs for each input object, `$_` set to it.
    /// Evidence: pwsh's CmdletParameterBinderController (ScriptBlockArgumentNoInput,
    /// ScriptBlockArgumentNoOutput), engine/ParameterBinding tests v7.6.5.
    func testDelayBindScriptBlocks() {
        check([
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)][string]$P) process { \"got $P\" } }; 'a', 'b' | f -P { $_.ToUpper() }",
                "got A\ngot B"),
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)][int]$N, [Parameter(ValueFromPipeline)]$o) process { $N } }; [pscustomobject]@{ N = 1 } | f -N { $_.N + 41 }",
                "42"),
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$P) process { $P.GetType().Name } }; f -P { 'not run' }",
                "ScriptBlock"),
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)][string]$P) process { $P } }; f -P { 1 }; 'next'",
                "next", "ScriptBlockArgumentNoInput,f"),
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)][string]$P) process { $P } }; 1 | f -P { }; 'next'",
                "next", "ScriptBlockArgumentNoOutput,f"),
        ])
    }

    /// `$input`: in a process block the current object, in begin nothing (ArrayLists); in the
    /// end block what no process block took (AutomaticVariables.Tests.ps1 at v7.6.5).
    func testInputVariable() {
        check([
            Row("function f { process { \"[$input]\" } end { \"end [$input]\" } }; 1, 2 | f", "[1]\n[2]\nend []"),
            Row("function f { \"all [$input]\" }; 1, 2 | f", "all [1 2]"),
            Row("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) begin { $input.GetType().Name } process { $input.GetType().Name } end { $input.GetType().Name } }; 1 | f",
                "ArrayList\nArrayList\nObject[]"),
        ])
    }

    /// `$sb.GetSteppablePipeline()`: Begin/Process/End return what the pipeline wrote since the
    /// last step; the clean blocks run once, after End or a failing step. Evidence: pwsh's
    /// SteppablePipeline (System.Management.Automation), PipelineBehaviour.Tests.ps1 at v7.6.5.
    func testSteppablePipeline() {
        check([
            Row("$s = { & { begin { 'B' } process { \"P$_\" } end { 'E' } clean { $global:c = 'clean' } } }.GetSteppablePipeline(); $s.Begin($true); ($s.Process(1) + $s.Process(2)) -join ','; $s.End(); $c; $s.Dispose()",
                "B,P1,P2\nE\nclean"),
            Row("function d { process { $_ * 2 } }; $s = { d | d }.GetSteppablePipeline(); $s.Begin($true); foreach ($i in 1..3) { $s.Process($i) }; $s.End().Count",
                "4\n8\n12\n0"),
            Row("$s = { & { end { throw 'end-error' } clean { $global:c = 'cleaned' } } }.GetSteppablePipeline(); $s.Begin($false); try { $s.End() } catch { $_.Exception.Message }; $c; $global:c = 'once'; $s.Clean(); $c",
                "end-error\ncleaned\nonce", "end-error"),
            Row("try { { 1; 2 }.GetSteppablePipeline() } catch { $_.Exception.InnerException.GetType().Name }", "PSInvalidOperationException",
                "PSInvalidOperationException"),
        ])
    }

    /// `exit` in a script file ends that script, not the session, and sets $LASTEXITCODE
    /// (pwsh's DlrScriptCommandProcessor catches ExitException for a command from a file).
    func testExitInScriptFile() {
        let path = NSTemporaryDirectory() + "teamsh-exit-\(getpid()).ps1"
        defer { try? FileManager.default.removeItem(atPath: path) }
        check([
            Row("'\"before\"; exit 7; \"after\"' > '\(path)'; & '\(path)'; \"exit code $LASTEXITCODE\"; . '\(path)'; 'still here'",
                "before\nexit code 7\nbefore\nstill here"),
        ])
    }

    /// A script file's `$PSScriptRoot` and `$PSCommandPath` are set before its parameters, so
    /// defaults may use them; dot-sourced, the caller's come back when it ends (pwsh's
    /// SetPSScriptRootAndPSCommandPath, dotted locals; engine/ParameterBinding tests v7.6.5).
    func testScriptFileRootVariables() {
        let dir = NSTemporaryDirectory() + "teamsh-root-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = "[CmdletBinding()] param($Root = $PSScriptRoot) $Root -eq '\(dir)'; (Split-Path -Leaf $PSCommandPath) -eq 's.ps1'"
        try? script.write(toFile: dir + "/s.ps1", atomically: true, encoding: .utf8)
        check([
            Row("function Split-Path { param([switch]$Leaf, $p) $p -replace '.*/' }; & '\(dir)/s.ps1'; . '\(dir)/s.ps1'; $PSScriptRoot -eq '/tmp/case'",
                "True\nTrue\nTrue\nTrue\nTrue"),
        ])
    }

    /// A backslash in a file path is a separator, as pwsh's FileSystem provider reads it on Unix.
    func testBackslashPaths() {
        let dir = NSTemporaryDirectory() + "teamsh-bs-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        check([
            Row("'written' > '\(dir)\\f.txt'; switch -File '\(dir)/f.txt' { default { $_ } }", "written"),
        ])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/f.txt"))
    }

    /// -OutVariable takes what a function outputs; -ErrorVariable the errors it catches; names
    /// may carry a scope (the cmdlet tests cover records written by inner commands). Evidence: OutErrorVariable.Tests.ps1 at v7.6.5, about_CommonParameters.
    func testCommonParameterVariables() {
        check([
            Row("function f { [CmdletBinding()] param() 'a'; $PSCmdlet.WriteObject('b') }; $null = f -OutVariable ov; $ov -join ','", "a,b"),
            Row("function f { [CmdletBinding()] param() try { throw 'caught' } catch { } }; f -ErrorVariable ev; \"[$ev]\"", "[caught]", "caught"),
            Row("function g { [CmdletBinding()] param() 'x' }; function f { g -OutVariable script:sv > $null }; f; $sv", "x"),
        ])
    }

    /// Number literals (pwsh's tokenizer and Utils.ParseBinary): a binary literal starting
    /// with 1 at 8, 16, 32 or 64 digits has a sign bit; a real with an integer suffix rounds
    /// halves to even; `[scriptblock]::Create` of bad text throws as a .NET method does.
    func testNumberLiterals() {
        check([
            Row("0b11111111; 0b1111111111111111; (0b11111111111111111111111111111111).GetType().Name; 0b011111111; 0b11111111y; 0b1111", "-1\n-1\nInt32\n255\n-1\n15"),
            Row("2.5l; -2.5l; 3.5l; (2.5u).GetType().Name", "2\n-2\n4\nUInt32"),
            Row("try { [scriptblock]::Create('0xFFFFy') } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }",
                "ParseException\nBadNumericConstant", "ParseException"),
        ])
    }

    /// A null index is an error (NullArrayIndex), reading or assigning, whatever is indexed.
    /// Evidence: pwsh's GetIndex/SetIndex binders, Parser.Tests.ps1 at v7.6.5 (line 2648).
    /// .NET reads a brace that does not form `{n}`, `{n,}` or `{n,m}` as a literal character
    /// (RegexParser.IsTrueQuantifier); `\p{…}` names a category. Format-Table.Tests.ps1 at
    /// v7.6.5 matches output with such patterns.
    func testRegexBraces() {
        check([
            Row("'t  {1, 2}' -match 't\\s+{1, 2}'", "True"),
            Row("'a{b}' -match '^a{b}$'", "True"),
            Row("'{1...}' -match '^{1\\.\\.\\.}$'", "True"),
            Row("'aaa' -match '^a{3}$'; 'aaa' -match '^a{1,2}$'; 'aaa' -match '^a{2,}$'", "True\nFalse\nTrue"),
            Row("'x{' -replace '{', '('", "x("),
            Row("'e1' -replace '\\p{L}', 'L'", "L1"),
            Row("'a}' -match '^[a}]+$'", "True"),
        ])
    }

    /// `[Parser]::ParseInput` parses without running and hands back tokens and ParseError
    /// objects (ErrorId, Extent with 1-based columns and 0-based offsets, IncompleteInput), as
    /// pwsh's Parser API; HelpersLanguage (test/tools at v7.6.5) checks parse errors this way.
    func testParserApi() {
        check([
            Row("$t = $e = $null; $null = [System.Management.Automation.Language.Parser]::ParseInput('for(;', [ref]$t, [ref]$e); "
                + "$e.Count; $e[0].ErrorId; $e[0].Extent.StartScriptPosition.ColumnNumber; $e[0].Extent.StartOffset; $e[0].IncompleteInput",
                "1\nMissingEndParenthesisAfterStatement\n6\n5\nTrue"),
            Row("$t = $e = $null; $a = [System.Management.Automation.Language.Parser]::ParseInput('Get-X -A 1', [ref]$t, [ref]$e); "
                + "$e.Count; @(foreach ($x in $t) { $x.Text }) -join '|'; $t[-1].Kind; $a.Extent.Text",
                "0\nGet-X|-A|1|\nEndOfInput\nGet-X -A 1"),
            Row("$e = $null; $a = [System.Management.Automation.Language.Parser]::ParseInput('1 +', [ref]$null, [ref]$e); \"$($e[0])\"",
                "At line:1 char:4\n+ 1 +\n+    ~\nYou must provide a value expression following the '+' operator."),
            Row("$e = $null; try { [System.Management.Automation.Language.Parser]::ParseInput($null, [ref]$null, [ref]$e) } "
                + "catch { $_.Exception.InnerException.GetType().Name }", "ArgumentNullException", "ArgumentNullException"),
        ])
    }

    /// `$PSStyle` as PSStyle.cs declares it: OutputRendering takes the enum's names and refuses
    /// others as a .NET setter does; the decoration and color strings are pwsh's sequences.
    /// LanguagePrimitives' ConvertTo, TryConvertTo and IsTrue (LanguagePrimitives.cs): a cast's
    /// conversion; a failed ConvertTo is the method's PSInvalidCastException, a failed
    /// TryConvertTo returns False and sets the result to $null. object.tests.ps1 at v7.6.5.
    func testLanguagePrimitives() {
        let lp = "[System.Management.Automation.LanguagePrimitives]"
        check([
            Row("\(lp)::ConvertTo('42', [int]).GetType().Name; \(lp)::ConvertTo($null, [string]).Length", "Int32\n0"),
            Row("\(lp)::ConvertTo('1.5', [double], [cultureinfo]::InvariantCulture) * 2", "3"),
            Row("$r = 0; \(lp)::TryConvertTo('12', [double], [cultureinfo]::InvariantCulture, [ref]$r); $r; $r.GetType().Name",
                "True\n12\nDouble"),
            Row("$r = 5; \(lp)::TryConvertTo('abc', [int], [ref]$r); $null -eq $r", "False\nTrue"),
            Row("\(lp)::IsTrue(@()); \(lp)::IsTrue(@(0, 0)); \(lp)::IsTrue('0')", "False\nTrue\nTrue"),
            Row("try { \(lp)::ConvertTo('abc', [int]) } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name }",
                "MethodInvocationException\nPSInvalidCastException", "PSInvalidCastException"),
        ])
    }

    func testPSStyle() {
        check([
            Row("$PSStyle.OutputRendering = 'Ansi'; $PSStyle.OutputRendering; $PSStyle.OutputRendering.GetType().FullName",
                "Ansi\nSystem.Management.Automation.OutputRendering"),
            Row("$PSStyle.OutputRendering = 1; \"$($PSStyle.OutputRendering)\"", "PlainText"),
            Row("try { $PSStyle.OutputRendering = 'Loud' } catch { $_.FullyQualifiedErrorId }", "ExceptionWhenSetting", "ExceptionWhenSetting"),
            Row("[int][char]$PSStyle.Reset[0]; $PSStyle.Reset.Substring(1); $PSStyle.Reverse.Substring(1); $PSStyle.Foreground.BrightBlue.Substring(1)",
                "27\n[0m\n[7m\n[94m"),
            Row("$PSStyle.Background.Cyan.Substring(1); $PSStyle.Foreground.FromRgb(0x102030).Substring(1)", "[46m\n[38;2;16;32;48m"),
            Row("$PSStyle.Formatting.Error = $PSStyle.Foreground.Magenta; $PSStyle.Formatting.Error.Substring(1); $PSStyle.Formatting.TableHeader.Substring(1)",
                "[35m\n[32;1m"),
            Row("try { $PSStyle = 1 } catch { $_.FullyQualifiedErrorId }", "VariableNotWritable", "VariableNotWritable"),
        ])
    }

    /// `[System.Management.Automation.OrderedHashtable]::new()`, `(capacity)` and `(IDictionary)`:
    /// a Hashtable kept in insertion order whose keys compare case-sensitively (its inner
    /// OrderedDictionary's default comparer). OrderedHashtable.Tests.ps1 at v7.6.5.
    func testOrderedHashtable() {
        check([
            Row("$o = [System.Management.Automation.OrderedHashtable]::new(); $o['b'] = 1; $o['a'] = 2; $o.Keys -join ','; $o.GetType().Name",
                "b,a\nOrderedHashtable"),
            Row("$o = [System.Management.Automation.OrderedHashtable]::new(@{ x = 1 }); $o.Count; $o -is [hashtable]; $o.ContainsKey('X')",
                "1\nTrue\nFalse"),
            Row("[System.Management.Automation.OrderedHashtable]::new(4).Count", "0"),
            Row("try { [System.Management.Automation.OrderedHashtable]::new(-1) } catch { $_.Exception.InnerException.GetType().Name }",
                "ArgumentOutOfRangeException", "ArgumentOutOfRangeException"),
        ])
    }

    /// A script block's `Ast`: a function's is its FunctionDefinitionAst (the whole `function`
    /// statement's text), another's its ScriptBlockAst; CleanBlockErrorHandling.Tests.ps1 at
    /// v7.6.5 re-runs functions from `(Get-Command f).ScriptBlock.Ast.Extent.Text`.
    func testScriptBlockAst() {
        check([
            Row("function f { param($a) $a }; ${function:f}.Ast.Extent.Text; ${function:f}.Ast.Name", "function f { param($a) $a }\nf"),
            Row("$sb = { 1 + 2 }; $sb.Ast.Extent.Text; $sb.Ast.GetType().Name", "{ 1 + 2 }\nScriptBlockAst"),
        ])
    }

    /// `[runspacefactory]::CreateRunspace()`: unusable until opened, then a session that every
    /// PowerShell object given it shares; closed by Dispose.
    func testRunspaceObjects() {
        check([
            Row("$rs = [runspacefactory]::CreateRunspace(); $rs.RunspaceStateInfo.State; $rs.Open(); $rs.RunspaceStateInfo.State; "
                + "$rs.Dispose(); $rs.RunspaceStateInfo.State", "BeforeOpen\nOpened\nClosed"),
            Row("$rs = [runspacefactory]::CreateRunspace(); try { $rs.Open(); $rs.Open() } catch { $_.Exception.InnerException.GetType().Name }",
                "InvalidOperationException", "InvalidOperationException"),
        ])
    }

    /// Reflection pwsh scripts use: a property's accessor methods (`get_X()`, `set_X(v)`, not a
    /// property bag's notes), an enum's underlying type, a generic type's arguments.
    func testAccessorsAndTypeReflection() {
        check([
            Row("$h = @{ Keys = 'k'; a = 1 }; $h.get_Keys().Count; 'abc'.get_Length(); @(1, 2).get_Count()", "2\n3\n2"),
            Row("$sb = [System.Text.StringBuilder]::new(); $sb.set_Capacity(50); $sb.get_Capacity()", "50"),
            Row("try { ([pscustomobject]@{ P = 1 }).get_P() } catch { $_.FullyQualifiedErrorId }", "MethodNotFound", "MethodNotFound"),
            Row("try { 'abc'.get_Length(1) } catch { $_.FullyQualifiedErrorId }", "MethodCountCouldNotFindBest", "MethodCountCouldNotFindBest"),
            Row("enum E1 : byte { A }; enum E2 { B }; [Enum]::GetUnderlyingType([E1]).Name; [E2].GetEnumUnderlyingType().Name",
                "Byte\nInt32"),
            Row("[System.Collections.Generic.List[string]]::new().GetType().GetGenericArguments()[0].Name; "
                + "[System.Collections.Generic.Dictionary[string, int]].GetGenericArguments().Name -join ','; [int].GetGenericArguments().Count",
                "String\nString,Int32\n0"),
            Row("$t = [Tuple]::Create(10, 'Hello', $true); $t[0]; $t[-1]; $t[0..1] -join ','; $null -eq $t[5]", "10\nTrue\n10,Hello\nTrue"),
            Row("@(foreach ($i in 1..50) { [System.Text.StringBuilder]::new().GetHashCode() -ge 0 }) -notcontains $false", "True"),
        ])
    }

    /// `[Class]::Static = v` sets a declared static property (a base class's too) converting as
    /// its .NET setter does; an undeclared one is PropertyAssignmentException.
    /// Scripting.Classes.Exceptions.Tests.ps1 and scripting.Classes.inheritance.tests.ps1 at v7.6.5.
    func testClassStaticAssignment() {
        check([
            Row("class A { static [int]$n }; class B : A {}; [B]::n = '7'; [A]::n; [A]::n.GetType().Name", "7\nInt32"),
            Row("class A { static [int]$n }; try { [A]::n = 'x' } catch { $_.FullyQualifiedErrorId }", "ExceptionWhenSetting", "ExceptionWhenSetting"),
            Row("class A { static f() { [A]::nope = 1 } }; try { [A]::f() } catch { $_.FullyQualifiedErrorId }",
                "PropertyAssignmentException", "PropertyAssignmentException"),
        ])
    }

    /// A static constructor runs once, before the class's first use (base class first); a
    /// method runs in a new scope under its caller's, so it finds the caller's functions.
    /// Scripting.Classes.StaticMethod.Tests.ps1 at v7.6.5.
    func testStaticConstructorAndMethodScope() {
        check([
            Row("class A { static [int]$n; static A() { [A]::n += 10 }; A() {} }; [A]::n; [A]::new() > $null; [A]::n", "10\n10"),
            Row("class A { static A() { 'A' } }; class B : A { static B() { 'B' }; static [int] M() { return 1 } }; [B]::M()", "1"),
            Row("class A { static [string] M() { return (f) } }; function g { function f { 'found' }; [A]::M() }; g", "found"),
            Row("class A { [string] M() { return $v } }; function g { $v = 'caller'; [A]::new().M() }; g", "caller"),
        ])
    }

    /// A parameter prefix matches names and aliases; among several matches the command's own
    /// parameter wins over common ones when it is the only one (GetMatchingParameter).
    func testParameterPrefixes() {
        check([
            Row("function f { [CmdletBinding()] param($Inp) $Inp }; f -I 5", "5"),
            Row("function f { [CmdletBinding()] param([Alias('Zed')]$Value) $Value }; f -Ze 6", "6"),
            Row("function f { [CmdletBinding()] param($Alpha, $Alps) }; try { f -Al 1 } catch { $_.FullyQualifiedErrorId }",
                "AmbiguousParameter,f", "AmbiguousParameter,f"),
            Row("function f { [CmdletBinding()] param($Value) }; try { f -Ou x } catch { $_.FullyQualifiedErrorId }",
                "AmbiguousParameter,f", "AmbiguousParameter,f"),
        ])
    }

    /// A number literal given as a command argument to a [string] parameter binds as written
    /// (Compiler.GetCommandArgumentExpression keeps its token text): simple and advanced
    /// functions, positional and named. ParameterBinding.Tests.ps1 (Language/Parser) at v7.6.5.
    func testNumberArgumentsKeepTheirText() {
        check([
            Row("function f([string]$s) { $s }; f 34uy; f 0x10; f 1e3; f -s 8s; f (1 + 2); $n = 0x10; f $n", "34uy\n0x10\n1e3\n8s\n3\n16"),
            Row("function g { [CmdletBinding()] param([string]$V) $V }; g -V 6n; g 20d; g 49us", "6n\n20d\n49us"),
            Row("function h([int]$i, [object]$o) { $i; $o }; h 0x10 0x10", "16\n16"),
        ])
    }

    /// `$_.ScriptStackTrace`: the frames where the error arose, innermost first, taken before
    /// the stack unwinds to the catch. ErrorPosition.Tests.ps1 at v7.6.5.
    func testScriptStackTrace() {
        check([
            Row("function f { throw 'x' }\nfunction g { f }\ntry { g } catch { $_.ScriptStackTrace }",
                "at f, /tmp/case/t.ps1: line 1\nat g, /tmp/case/t.ps1: line 2\nat <ScriptBlock>, /tmp/case/t.ps1: line 3\nat <ScriptBlock>, <No file>: line 1",
                "x"),
            Row("try {\n $null[0]\n} catch { ($_.ScriptStackTrace -split \"`n\")[0] }", "at <ScriptBlock>, /tmp/case/t.ps1: line 2", "NullArray"),
        ])
    }

    func testNullIndex() {
        check([
            Row("$a = 1,2,3; $a[$null]; 'next'", "next", "NullArrayIndex"),
            Row("$h = @{}; try { $h[$null] = 1 } catch { $_.FullyQualifiedErrorId }", "NullArrayIndex", "NullArrayIndex"),
        ])
    }

    /// At a statement's start a variable followed by `=` is an assignment, whatever follows
    /// (pwsh's ScanVariable ends the name at `=`). Parser.Tests.ps1 at v7.6.5, issue #2780.
    func testVariableThenEquals() {
        check([
            Row("$h=@\"\n'\"'\n\"@\n$h", "'\"'"),
            Row("$a=1;$b=$a+1;$b", "2"),
        ])
    }

    /// A trap chooses the error it takes as a catch clause does: a conversion error is a
    /// RuntimeException wrapping PSInvalidCastException, so `trap [InvalidCastException]`
    /// takes it; the most specific trap wins. Parser.Tests.ps1 at v7.6.5 (line 2265).
    func testTrapMatchesAsCatch() {
        check([
            Row("trap [InvalidCastException] { 'trapped'; continue }; [int]'abc'; 'after'; $Error.Clear()", "trapped\nafter"),
            Row("trap { 'any'; continue }; trap [DivideByZeroException] { 'dz'; continue }; $z = 0; 1 / $z; 'after'; $Error.Clear()", "dz\nafter"),
        ])
    }

    /// A call whose binding fails never ran: it does not count towards the call depth (pwsh
    /// only stops at 1000 nested calls, "The script failed due to call depth overflow.").
    func testFailedCallsLeaveNoDepth() {
        check([
            Row("function f([Parameter(Mandatory)][int]$x) { $x }; for ($i = 0; $i -lt 1100; $i++) { try { f -x abc } catch { } }; f 5",
                "5", "ParameterArgumentTransformationError,f"),
            Row("function g { begin { throw 'b' } }; for ($i = 0; $i -lt 1100; $i++) { try { g } catch { } }; 'ok'", "ok", "b"),
        ])
    }

    /// Multidimensional arrays. Evidence: about_Arrays (`[string[,]]::new(3,2)`, Rank 2,
    /// Length 6, `$a[1,1]`), .NET's Type.Name (`String[,]`); an index outside a dimension
    /// reads as nothing and cannot be assigned (Index was outside the bounds of the array).
    func testMultidimensionalArrays() {
        check([
            Row("$a = [int[,]]::new(2,3); $a.Rank; $a.Length; $a.GetType().Name; $a[1,2] = '7'; $a[1,2].GetType().Name; $a[1,2]",
                "2\n6\nInt32[,]\nInt32\n7"),
            Row("$a = [string[,]]::new(2,2); $a[0,1] = 'b'; $a[1,0] = 'c'; $(foreach ($x in $a) { \"[$x]\" }) -join ''", "[][b][c][]"),
            Row("$a = [string[,]]::new(2,2); $null -eq $a[2,0]; try { $a[2,0] = 'x' } catch { $_.FullyQualifiedErrorId }",
                "True\nSystem.IndexOutOfRangeException", "System.IndexOutOfRangeException"),
            Row("$a = [object[,,]]::new(2,2,2); $a.Rank; $a.Length", "3\n8"),
        ])
    }

    /// Scopes and variables. Evidence: about_Scopes, oracle language/scopes-more.
    func testScopesAndVariables() {
        check([
            Row("$g = 'g0'; function r { $g }; function w { $g = 'local'; r }; w; $g", "local\ng0"),
            Row("$g = 1; function s { $script:g = 2 }; s; $g", "2"),
            Row("function t { $private:p = 'priv'; i }; function i { \"[$p]\" }; t", "[]"),
            Row("$a = 'outer'; function f { \"[$local:a]\" }; f", "[]"),
            Row("$v = 1; & { $v = 2 }; $v; . { $v = 3 }; $v", "1\n3"),
            // $OFS is not defined (pwsh's InitialSessionState); undefined, arrays in strings
            // join with a space (PSObject.GetSeparator).
            Row("$null -eq $OFS; \"$(1, 2)\"; $OFS = '-'; \"$(1, 2)\"; [string](3, 4)", "True\n1 2\n1-2\n3-4"),
            Row("function o { function inner { 'in' }; inner }; o", "in"),
            Row("$x = 5; $c = { $x }.GetNewClosure(); $x = 6; & $c", "5"),
        ])
    }

    /// Statement-terminating errors stop the statement only; script-terminating ones (throw)
    /// stop the script. A caught error is still saved to $Error (about_Try_Catch_Finally: "the
    /// error is first saved to the $Error automatic variable"). Evidence: oracle errors/divide-by-zero-literal,
    /// errors/method-not-found, errors/throw-string, s17-exit-in-scriptblock.
    func testTerminatingErrors() {
        check([
            Row("'a'; $z = 0; 1 / $z; 'b'", "a\nb", "RuntimeException"),
            Row("'a'; $s = 'x'; $s.Frobnicate(); 'b'", "a\nb", "MethodNotFound"),
            Row("'a'; throw 'boom'; 'b'", "a", "boom"),
            Row("try { throw 'boom' } catch { \"caught $_\" } finally { 'fin' }", "caught boom\nfin", "boom"),
            Row("try { $z = 0; 1 / $z } catch [DivideByZeroException] { 'dz' } catch { 'other' }", "dz", "RuntimeException"),
            Row("& { 'in'; return; 'not' }; 'after'", "in\nafter"),
        ])
    }

    /// $? after statements. Evidence: oracle language/error-vars, native/n06.
    func testDollarQuestion() {
        check([
            Row("1; $?", "1\nTrue"),
            Row("try { throw 'e' } catch { }; $?", "True", "e"),
        ])
    }

    /// Classes and enums. Evidence: about_Classes*, about_Enum (see samples/language).
    func testClassesAndEnums() {
        check([
            Row("class P { [string]$N; [int]$A; P([string]$n) { $this.N = $n } [string] Hi() { return \"hi $($this.N)\" } }; [P]::new('x').Hi()", "hi x"),
            Row("class P { [string]$N }; $null -eq [P]::new().N", "True"),
            Row("class P { [int]$A }; $p = [P]::new(); $p.A = '42'; $p.A.GetType().Name", "Int32"),
            Row("class P { [int] M() { 'dropped'; return 1 } }; [P]::new().M()", "1"),
            Row("class S { static [int]$C = 0; static [int] Next() { [S]::C++; return [S]::C } }; [S]::Next(); [S]::Next()", "1\n2"),
            Row("class B { [string] K() { return 'b' } }; class D : B { [string] K() { return 'd' } [string] BK() { return ([B]$this).K() } }; [D]::new().K(); [D]::new().BK()", "d\nb"),
            Row("enum E { A; B; C = 10; D }; [int][E]::D; [E]1; [E]'C'", "11\nB\nC"),
            Row("[Flags()] enum F { X = 1; Y = 2; Z = 4 }; \"$([F]5)\"; ([F]3).HasFlag([F]::Y)", "X, Z\nTrue"),
        ])
    }

    /// Redirection reaches the commands a command runs; splatting; \$? after chains.
    /// Evidence: about_Redirection, about_Splatting (7.1+ override),
    /// PipelineChainOperator.Tests.ps1, Compiler.ShouldSetExecutionStatusToSuccess.
    func testRedirectionSplattingAndChains() {
        check([
            Row("$r = & { $z = 0; 1 / $z; 'after' } 2>&1; $r.Count; $r[0].GetType().Name", "2\nErrorRecord", "RuntimeException"),
            Row("& { $z = 0; 1 / $z; 'after' } 2>$null", "after", "RuntimeException"),
            Row("function t($a, $b) { \"$a|$b\" }; $h = @{ a = 'A'; b = 'B' }; t @h -a 'x'", "x|B"),
            Row("function t($a, $b, $c) { \"$a|$b|$c\" }; function p { t @args }; p -c 3 1", "1||3"),
            Row("$z = 0; (1 / $z) ?? 'x'; $?", "False", "RuntimeException"),
        ])
    }

    /// switch, members and scopes of intrinsic methods. Evidence: about_Switch, about_Hash_Tables,
    /// EnumerableOps.ForEach (MiscOps.cs, useLocalScope false), about_Classes_Inheritance.
    func testSwitchMembersAndClasses() {
        check([
            Row("enum E { A; B }; switch ([E]::B) { 1 { 'num' } 'B' { 'name' } }", "name"),
            Row("switch (@{ k = 1 }) { 'System.Collections.Hashtable' { 'text' } }", "text"),
            Row("$a = @(); (1..3).ForEach{ $a += $_ }; $a.Count", "3"),
            Row("$h = @{ 1 = 'one' }; $h.1; $o = [ordered]@{ 1 = 'one'; 2 = 'two' }; $o[1]; $o[[object]1]", "one\ntwo\none"),
            Row("('a', 'b').ForEach('ToUpper') -join ','", "A,B"),
            Row("class B { [string]$N; B() { $this.N = 'b' } }; class D : B { }; [D]::new().N", "b"),
            Row("try { $z = 0; 1 / $z } catch [DivideByZeroException] { 'dz' } catch [Exception] { 'ex' }", "dz", "RuntimeException"),
            Row("try { try { throw 'in' } catch { throw } } catch { \"outer $_\" }", "outer in", "in"),
        ])
    }
}
