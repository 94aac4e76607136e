import XCTest
@testable import PowerShellSyntax

/// AST shapes of many constructs, as compact dumps (see AstDump).
final class ParserShapeTests: XCTestCase {
    func dump(_ text: String) -> (String, [String]) {
        let r = Parser.parse(SourceText(text: text))
        return (AstDump.script(r.ast), r.errors.map { $0.id })
    }

    func check(_ rows: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (source, expected) in rows {
            let (got, errors) = dump(source)
            XCTAssertEqual(errors, [], "errors for: \(source)", file: file, line: line)
            XCTAssertEqual(got, expected, "source: \(source)", file: file, line: line)
        }
    }

    func testShapes() {
        check([
        ("Write-Output -5 7 0x10 1kb a.b ./file.ps1 2024-01-01 C:\\x *.txt -- foo=bar",
         "cmd(bare(Write-Output) -5 7 16 1024 bare(a.b) bare(./file.ps1) bare(2024-01-01) bare(C:\\x) bare(*.txt) -- bare(foo=bar))"),
        ("Get-Thing -Name:$x -Flag @splat (1+2) $(3) @(4) @{a=1} {5} a,b,c $x.Prop $x[0] a$x \"q $y\" 'lit'",
         "cmd(bare(Get-Thing) -Name:$x -Flag @splat ((1 + 2)) $(3) @(4) @{bare(a)=1} {5} arr(bare(a), bare(b), bare(c)) $x.Prop $x[0] exp('a' $x) exp('q ' $y) 'lit')"),
        ("cmd --% a b | c", "cmd(bare(cmd) --%<a b>) | cmd(bare(c))"),
        ("& $sb 1 2; . ./file.ps1; & 'C:\\p q\\x.exe' -a; /usr/bin/env ls; MicrosoftTeams\\Get-CsOnlineUser",
         "& cmd($sb 1 2); . cmd(bare(./file.ps1)); & cmd('C:\\p q\\x.exe' -a); cmd(bare(/usr/bin/env) bare(ls)); cmd(bare(MicrosoftTeams\\Get-CsOnlineUser))"),
        ("$x = 1,2 + 3; -1,2; ,1; -not $a -and $b; !$x; -bnot 5; $i++; ++$i; $i--; --$i",
         "$x = (arr(1, 2) + 3); arr(-1, 2); (comma 1); ((not $a) -and $b); (not $x); (bnot 5); (postIncrement $i); (preIncrement $i); (postDecrement $i); (preDecrement $i)"),
        ("$a -eq 1 -or $b -ceq 2 -and $c -like 'x*' ; 1..10; 2 * 3 + 4 -f 5; 'a' -replace 'a','b'; $x -split ','; -split $x; -join $a",
         "((($a -eq 1) -or ($b -ceq 2)) -and ($c -like 'x*')); (1 .. 10); ((2 * 3) + (4 -f 5)); ('a' -replace arr('a', 'b')); ($x -split ','); (split $x); (join $a)"),
        ("1 + 2 -band 3 -bor 4 -and 5 -shl 1", "((((1 + 2) -band 3) -bor 4) -and (5 -shl 1))"),
        ("$x ?? 5; $y ??= 3; $c ? 1 : 2; ${x}?.Name; ${x}?[0]", "($x ?? 5); $y ??= 3; ($c ? 1 : 2); $x?.Name; $x?[0]"),
        ("[int]$x = '5'; [int[]]$a; [string[,]]$b; [System.Collections.Generic.List[string]]::new(); [ordered]@{a=1}; [int]::MaxValue; [Math]::Round(1.5, 2)",
         "[int]($x) = '5'; [int[]]($a); [string[,]]($b); [System.Collections.Generic.List[string]]::new(); [ordered](@{bare(a)=1}); [int]::MaxValue; [Math]::Round(1.5D, 2)"),
        ("[System.Collections.Generic.Dictionary[string, int]]::new()", "[System.Collections.Generic.Dictionary[string,int]]::new()"),
        ("$a, $b = 1, 2; $h.k += 1; $x[0] = 2; $env:PATH; $script:x; ${any name}; $global:g; $using:u; $_; $$; $?; $^",
         "arr($a, $b) = arr(1, 2); $h.k += 1; $x[0] = 2; $env:PATH; $script:x; $any name; $global:g; $using:u; $_; $$; $?; $^"),
        ("1.5; 1.; .5; 1e3; 1.5d; 10l; 5u; 5ul; 5y; 5uy; 5s; 5us; 5n; 0xFFFFFFFF; 0x80000000; 0x100000000; 2147483648; 9223372036854775808; 1mb",
         "1.5D; 1.0D; 0.5D; 1000.0D; 1.5M; 10L; 5u; 5ul; 5y; 5uy; 5s; 5us; 5n; -1; -2147483648; 4294967296L; 2147483648L; 9223372036854775808M; 1048576"),
        ("\"a`tb`n$x `$y $($z + 1) ${w}x $x.Prop $x[0] $env:HOME `u{1F600} \"\" end\"",
         "exp('a\\tb\\n' $x ' $y ' $(($z + 1)) ' ' $w 'x ' $x '.Prop ' $x '[0] ' $env:HOME ' 😀 \" end')"),
        ("\"plain\"; 'it''s'; \"$(\"nested $(1)\")\"", "'plain'; 'it's'; exp($(exp('nested ' $(1))))"),
        ("@\"\nline1 $x\n  \"quoted\"\n\"@", "exp('line1 ' $x '\\n  \"quoted\"')"),
        ("@'\nraw $x\n'@", "'raw $x'"),
        ("if ($a) { 1 } elseif ($b) { 2 } else { 3 }", "if($a){1}elseif($b){2}else{3}"),
        ("switch -Regex -CaseSensitive ($x) { 'a' { 1 } 5 { 2 } {$_ -gt 3} { 3 } default { 4 } }",
         "switch -regex -casesensitive($x){'a'{1} 5{2} {($_ -gt 3)}{3} default{4}}"),
        ("switch -file $path { abc { 'x' } }", "switch -file($path){bare(abc){'x'}}"),
        (":outer foreach ($i in 1..3) { foreach ($j in $list) { if ($j) { break outer }; continue } }",
         ":outer foreach($i in (1 .. 3)){foreach($j in $list){if($j){break outer}; continue}}"),
        ("for ($i = 0; $i -lt 10; $i++) { $i }", "for($i = 0; ($i -lt 10); (postIncrement $i)){$i}"),
        ("for (;;) { break }", "for(; ; ){break}"),
        ("while ($true) { return 5 }", "while($true){return 5}"),
        ("do { $i++ } while ($i -lt 5); do { $i-- } until ($i -eq 0)", "do{(postIncrement $i)}while(($i -lt 5)); do{(postDecrement $i)}until(($i -eq 0))"),
        ("try { throw \"x\" } catch [System.IO.IOException], [System.Exception] { $_ } catch { 2 } finally { 3 }",
         "try{throw 'x'}catch[System.IO.IOException][System.Exception]{$_}catch{2}finally{3}"),
        ("trap [System.Exception] { continue }; trap { 'x' }", "trap[System.Exception]{continue}; trap{'x'}"),
        ("function Get-Thing { param([Parameter(Mandatory, Position=0, ValueFromPipeline=$true)][Alias('n')][ValidateSet('a','b')][string]$Name = 'a', [switch]$Force) begin { 1 } process { $_ } end { 3 } }",
         "function Get-Thing{param([Parameter(Mandatory, Position=0, ValueFromPipeline=$true)][Alias('n')][ValidateSet('a', 'b')][string]$Name = 'a', [switch]$Force); begin{1}; process{$_}; end{3}}"),
        ("function f($a, $b = 2) { $a + $b }; filter g { $_ }", "function f($a, $b = 2){param($a, $b = 2); ($a + $b)}; filter g{$_}"),
        ("[CmdletBinding()]\nparam([string]$Path)\n'body'", "[CmdletBinding()]param([string]$Path); 'body'"),
        ("using namespace System.Text\nWrite-Host hi", "using namespace System.Text; cmd(bare(Write-Host) bare(hi))"),
        ("class Person : Base { [string]$Name = 'x'; static [int]$Count; hidden $h\n  Person([string]$n) : base($n) { $this.Name = $n }\n  [string] Greet() { return \"hi $($this.Name)\" }\n  static [void] Reset() { }\n}",
         "class Person : Base{[string]Name = 'x'; static [int]Count; hidden h; ctor Person([string]$n):base($n){$this.Name = $n}; [string]Greet(){return exp('hi ' $($this.Name))}; static [void]Reset(){}}"),
        ("enum Color { Red; Green = 5 }\n[Color]::Green", "enum Color{Red; Green = 5}; [Color]::Green"),
        ("exit 1; return; throw; $x = if ($a) { 1 } else { 2 }; $y = switch ($z) { 1 { 'a' } }",
         "exit 1; return; throw; $x = if($a){1}else{2}; $y = switch($z){1{'a'}}"),
        ("Get-Process |\n  Where-Object { $_.CPU -gt 1 } |\n  Select-Object -First 5",
         "cmd(bare(Get-Process)) | cmd(bare(Where-Object) {($_.CPU -gt 1)}) | cmd(bare(Select-Object) -First 5)"),
        ("Get-Process\n  | Sort-Object", "cmd(bare(Get-Process)) | cmd(bare(Sort-Object))"),
        ("$h = @{\n  a = 1\n  'b c' = 2; 3 = 'three'\n  d = @(1, 2)\n}", "$h = @{bare(a)=1; 'b c'=2; 3='three'; bare(d)=@(arr(1, 2))}"),
        ("$x.Method(1, 2).Other[0].$name.'quoted'; $x::Static; $s.Length", "$x.Method(1, 2).Other[0].$name.'quoted'; $x::Static; $s.Length"),
        ("Get-X 2>&1 > out.txt; Get-Y *> $null; $x 2>> err.log; Get-Z 3>&1",
         "cmd(bare(Get-X)) 2>&1 1>bare(out.txt); cmd(bare(Get-Y)) 0>$null; $x 2>>bare(err.log); cmd(bare(Get-Z)) 3>&1"),
        ("a && b || c; d &", "cmd(bare(a)) && cmd(bare(b)) || cmd(bare(c)); cmd(bare(d)) &"),
        ("'x'\nparam($a)", "'x'; cmd(bare(param) ($a))"),
        ("Write-Output $x-y a'b c'd \"e\"f", "cmd(bare(Write-Output) exp($x '-y') bare(ab cd) 'e' bare(f))"),
        ("# comment\n<# block\ncomment #> Get-A `\n  -Name x", "cmd(bare(Get-A) -Name bare(x))"),
        ("$x = Get-Item a | Select-Object b", "$x = cmd(bare(Get-Item) bare(a)) | cmd(bare(Select-Object) bare(b))"),
        ("{ param($a) $a }; { begin {} end {} }", "{param($a); $a}; {begin{}; end{}}"),
        ("$a.b.c = 1; $a[1][2] = 3", "$a.b.c = 1; $a[1][2] = 3"),
        ("[void]$list.Add(1); [int[]]$a = 1,2", "[void]($list.Add(1)); [int[]]($a) = arr(1, 2)"),
        ("5 -gt 3 -and 'a' -in @('a') -or $null -eq $x", "(((5 -gt 3) -and ('a' -in @('a'))) -or ($null -eq $x))"),
        ("-5; - 5; 1 -1; 1-1; $x -1", "-5; (negate 5); (1 - 1); (1 - 1); ($x - 1)"),
        ("${true}?1:2; 0 ?1kb:0xf", "($true ? 1 : 2); (0 ? 1024 : 15)"),
        ("(1..3).ForEach{ $_ * 2 }", "((1 .. 3)).ForEach({($_ * 2)})"),
        ("${a`u{2195}b} = 1; xyzzy`u{2195} 42", "$a↕b = 1; cmd(bare(xyzzy↕) 42)"),
        ])
    }

    /// PS_PARSE_DIR=dir: parse every .ps1 there and print the first errors (a manual check on real scripts).
    func testParseDirectory() throws {
        guard let dir = ProcessInfo.processInfo.environment["PS_PARSE_DIR"] else { return }
        for f in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where f.hasSuffix(".ps1") {
            let text = try String(contentsOfFile: dir + "/" + f, encoding: .utf8)
            let r = Parser.parse(SourceText(text: text))
            print("FILE \(f): \(r.errors.count) errors")
            for e in r.errors.prefix(3) { print("  \(e.id) line \(e.extent.startLine):\(e.extent.startColumn) \(e.extent.source.lineText(e.extent.startLine).prefix(100))") }
        }
    }

    func testDebugPrint() {
        guard let text = ProcessInfo.processInfo.environment["PS_DUMP"] else { return }
        for item in text.components(separatedBy: "#####") {
            let r = Parser.parse(SourceText(text: item))
            print("SRC: " + item.replacingOccurrences(of: "\n", with: "⏎"))
            print("DUMP: " + AstDump.script(r.ast))
            for e in r.errors { print("ERR: \(e.id) [\(e.extent.start),\(e.extent.end)) incomplete=\(e.incompleteInput) \(e.message)") }
        }
    }
}
