# Evidence: CommandBaseStrings.resx at v7.6.5 (the confirmation's choices and their help texts),
# ConsoleHostUserInterfacePromptForChoice.cs (the choices line with its default, `?` prints
# "KEY - help" for each choice and asks again, an answer names a hotkey or a label, Enter takes
# the default) and ReadLineFromFile (an answer read from redirected stdin is echoed); Yes to All
# answers the rest. Without -NonInteractive an answer can be piped in.
touch a.txt b.txt c.txt
printf '?\nn\n' | teamsh -c 'Remove-Item ./a.txt -Confirm; "a exists: " + (Test-Path ./a.txt)'; echo "exit $?"
printf 'y\n' | teamsh -c 'Remove-Item ./a.txt -Confirm; "a exists: " + (Test-Path ./a.txt)'; echo "exit $?"
printf 'maybe\nA\n' | teamsh -c 'Remove-Item ./b.txt, ./c.txt -Confirm; "left: " + @(Get-ChildItem *.txt).Count'; echo "exit $?"
