# Evidence: errors that carry their own extent in pwsh v7.6.5: an undefined variable under
# strict mode points at the variable (VariableOps.cs, VariableIsUndefined with varAst.Extent),
# an unknown type in a cast at the type name inside the brackets and a type literal at the whole
# `[Type]` (Compiler.cs ConvertValue with typeName.Extent, VisitTypeExpression), a null key in a
# hash literal at the key (HashtableOps.AddKeyValuePair with the key's extent), throw at the
# whole throw statement (ExceptionHandlingOps.ConvertToException). Texts: ParserStrings.resx.
Set-StrictMode -Version 1
$sum = 1 + $notSetAnywhere
Set-StrictMode -Off
$v = [NoSuchType]'text'
[NoSuchType]::Create()
$key = $null
$h = @{ $key = 1 }
throw "stopped: $(2 + 2)"
'never'
