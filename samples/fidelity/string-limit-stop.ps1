# Evidence: with $ErrorActionPreference = 'Stop' a statement-terminating error ends the script
# (about_Preference_Variables), exit code 1; the error is OutOfMemoryException from building a
# string past .NET's largest (0x3FFFFFDF UTF-16 units), shown as OperationStopped with the whole
# assignment underlined (the statement's sequence point).
$ErrorActionPreference = 'Stop'
'before'
$wide = 'ab' * 700000000
'never'
