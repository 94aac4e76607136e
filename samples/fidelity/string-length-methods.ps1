# Evidence: .NET's string methods cannot allocate past the largest string (0x3FFFFFDF UTF-16
# units) and throw OutOfMemoryException ("Insufficient memory to continue the execution of the
# program."); pwsh wraps an exception thrown by a .NET method as MethodInvocationException
# "Exception calling "{0}" with "{1}" argument(s): "{2}"" (ExtendedTypeSystem.resx), a
# constructor being ".ctor".
'ab'.PadLeft(5, '*')
'ab'.PadRight(4) + '|'
try { 'x'.PadLeft(2000000000) } catch { $_.Exception.Message }
try { 'x'.PadRight(1073741792) } catch { $_.FullyQualifiedErrorId }
[string]::new('y', 3)
try { [string]::new('y', 1500000000) } catch { $_.Exception.Message }
'end'
