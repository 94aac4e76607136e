# Evidence: exceptions have no view in pwsh's format files (DefaultFormatters at v7.6.5), so
# Out-Default lists their properties in .NET reflection order: the type's own properties first
# (ArgumentException: Message, ParamName; pwsh's RuntimeException: ErrorRecord,
# WasThrownFromThrowStatement), then System.Exception's TargetSite, Message, Data,
# InnerException, HelpLink, Source, HResult, StackTrace. HResult is .NET's constant per type
# (COR_E_INVALIDOPERATION 0x80131509, E_INVALIDARG 0x80070057, COR_E_DIVIDEBYZERO 0x80020012;
# pwsh's own exceptions keep SystemException's 0x80131501).
[System.InvalidOperationException]::new('boom')
[System.ArgumentException]::new('bad value', 'Name') | Format-List *
try { throw 'thrown' } catch { $_.Exception | Format-List ErrorRecord, WasThrownFromThrowStatement, Message, HResult }
try { 1 / 0 } catch { '{0} {1}' -f $_.Exception.InnerException.GetType().Name, $_.Exception.InnerException.HResult }
[System.IO.FileNotFoundException]::new('gone').HResult
[System.Collections.Generic.KeyNotFoundException]::new().HResult
