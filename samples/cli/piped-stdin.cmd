# Evidence: ConsoleHost at v7.6.5: a command or script that reads $input gets the piped lines as
# its input (AstSearcher.IsUsingDollarInput, Executor's ReadInputObjects, one string per line);
# otherwise stdin stays unread for [Console]::In (System.Console's TextReader) and for prompts,
# which read redirected input line by line and echo it (ReadLineFromFile). -NonInteractive makes
# a prompt fail (the oracle's cli/noninteractive-readhost).
printf 'alpha\nbeta\n' | teamsh -c '$input | ForEach-Object { "line: $_" }'; echo "exit $?"
printf 'alpha\nbeta\n' | teamsh -c '@($input).Count'; echo "exit $?"
printf 'one\ntwo\n' | teamsh -c '$text = [Console]::In.ReadToEnd(); "read {0} characters" -f $text.Length; $text.TrimEnd()'; echo "exit $?"
printf 'first\nsecond\n' | teamsh -c '"[" + [Console]::ReadLine() + "]"'; echo "exit $?"
echo 'param($Prefix) $input | % { "$Prefix$_" }' > prefix.ps1
printf 'x\ny\n' | teamsh -File ./prefix.ps1 -Prefix '> '; echo "exit $?"
printf 'Jay\n' | teamsh -c '$name = Read-Host "Name"; "Hello $name"'; echo "exit $?"
printf 'Jay\n' | teamsh -NonInteractive -c 'Read-Host "Name"'; echo "exit $?"
