# Evidence: about_Pwsh (-EncodedCommand: "a base-64-encoded string version of a command",
# made from the command's UTF-16LE bytes, as its [Convert]::ToBase64String([Text.Encoding]::Unicode…)
# example does) and CommandLineParameterParser at v7.6.5 (-e, -ec; BadCommandValue for text that
# is not Base64). The value below is '"encoded: " + (6 * 7)'.
teamsh -EncodedCommand IgBlAG4AYwBvAGQAZQBkADoAIAAiACAAKwAgACgANgAgACoAIAA3ACkA; echo "exit $?"
teamsh -ec IgBlAG4AYwBvAGQAZQBkADoAIAAiACAAKwAgACgANgAgACoAIAA3ACkA; echo "exit $?"
teamsh -EncodedCommand 'not base64!' > /dev/null; echo "exit $?"
