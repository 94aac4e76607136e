# Evidence: NativeCommandProcessor.cs and ParserStrings.resx at v7.6.5 (ProgramFailedToExecute:
# "Program '{0}' failed to run: {1}{2}." with .NET's "An error occurred trying to start process
# '<path>' with working directory '<dir>'. <strerror>" and the invocation's position message;
# ApplicationFailedException, NativeCommandFailed, ResourceUnavailable; the statement ends, the
# script goes on; CantActivateDocumentInPipeline for a file without execute permission inside a
# pipeline), pwsh's ConciseView (the program's name as the reason, the message on one line,
# wrapped), the oracle's n10 (a path that names nothing, or a directory, is not recognized).
Set-Content -Path ./no-interpreter.sh -Value "#!/no/such/interpreter`necho never"
chmod +x ./no-interpreter.sh
Set-Content -Path ./not-a-program.bin -Value 'plain text'
chmod +x ./not-a-program.bin
Set-Content -Path ./notes.txt -Value 'a document'
$null = New-Item -ItemType Directory -Path ./tools
./no-interpreter.sh
"after the interpreter: $?"
./not-a-program.bin --flag
"after the format error: $?"
./notes.txt | Out-String
"after the document: $?"
./tools
./missing-program
'the script went on'
