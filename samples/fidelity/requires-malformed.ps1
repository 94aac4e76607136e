# Evidence: tokenizer.cs HandleRequiresParameter and ParserStrings.resx at v7.6.5 (a #requires
# argument that is no version is a parse error, RequiresVersionInvalid, under the argument;
# a parse error stops the whole script, exit code 1, as the oracle's parse cases show).
'never runs'
#Requires -Version 7.x
