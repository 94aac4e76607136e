# Evidence: pwsh converts each argument of a .NET method to the parameter's type, and $null
# converts to "" for System.String (LanguagePrimitives.ConvertNullToString at v7.6.5; the reason
# [NullString]::Value exists), so a script never passes null to a string parameter:
# Contains(''), IndexOf(''), StartsWith('') are true/0, Path.Combine ignores it, Int32.Parse('')
# is a FormatException.
'abc'.Contains($null)
'abc'.IndexOf($null)
'abc'.StartsWith($null)
'a-b'.Replace('-', $null)
[System.IO.Path]::Combine('dir', $null)
[System.IO.Path]::GetFileName($null) -eq ''
[regex]::Escape($null) -eq ''
[string]::IsNullOrEmpty($null)
try { [int]::Parse($null) } catch { $_.Exception.Message }
