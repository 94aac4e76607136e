# Evidence: pwsh's CommandLineParameterParser at v7.6.5 and its CommandLineParameterParserStrings.resx:
# a switch without its value (MissingCommandParameter, MissingFileArgument shown with the usage
# text), an ExecutionPolicy it does not know (InvalidExecutionPolicyArgument), a switch pwsh has
# but not on Linux (WindowStyleArgumentNotImplemented, STANotImplemented), an unknown switch read
# as a script file name (InvalidArgument's "did you mean" list, ArgumentFileDoesNotExist), a
# missing -SettingsFile (SettingsFileNotExists); every one ends with exit code 64.
teamsh -c > /dev/null; echo "-c: $?"
teamsh -File > /dev/null; echo "-File: $?"
teamsh -ExecutionPolicy Sometimes -c 1 > /dev/null; echo "-ExecutionPolicy: $?"
teamsh -WindowStyle Hidden -c 1; echo "-WindowStyle: $?"
teamsh -STA -c 1; echo "-STA: $?"
teamsh -logo; echo "-logo: $?"
teamsh -nosuchswitch > /dev/null; echo "-nosuchswitch: $?"
teamsh -SettingsFile ./missing.json -c 1; echo "-SettingsFile: $?"
teamsh -c 'Write-Output "two words"' -NoProfile; echo "-c then more: $?"
