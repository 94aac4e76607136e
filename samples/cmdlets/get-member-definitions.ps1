# Evidence: pwsh's MshMemberInfo.cs at v7.6.5 (PSNoteProperty.ToString: the value's display
# type name, its name, `=`, then the value's .NET ToString or `null`;
# GetDisplayTypeNameOfValue: a PSObject's first type name, else ToStringCodeMethods.Type with
# dropNamespaces) and MshObject.cs (ToStringCodeMethods.Type: the built-in accelerator pwsh's
# TypeResolver lists first for the type — int, long, short, float, hashtable, ordered,
# datetime, version, guid, scriptblock — else the full name, or the bare name when namespaces
# are dropped; arrays keep their element's form, `Object[]`); .NET's DateTime.ToString in en-US.
$o = [pscustomobject]@{
    Count   = 3
    Big     = [long]5
    Small   = [int16]2
    Ratio   = [single]0.5
    Price   = 9.99
    Exact   = 1.50d
    Flag    = $false
    Name    = 'n'
    Letter  = [char]'q'
    Nothing = $null
    List    = 1, 2
    Table   = @{ k = 'v' }
    Ordered = [ordered]@{ k = 'v' }
    When    = [datetime]'2024-03-05 14:07:09'
    Span    = [timespan]'01:30:00'
    Ver     = [version]'1.2.3'
    Id      = [guid]'d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9'
    Day     = [System.DayOfWeek]::Friday
    Block   = { 'hi' }
    Child   = [pscustomobject]@{ x = 1 }
}
$o | Get-Member -MemberType NoteProperty | ForEach-Object { '{0,-8} {1}' -f $_.Name, $_.Definition }
(Get-Date -Date '2024-03-05') | Get-Member -Name Date, Day, DayOfWeek, TimeOfDay | ForEach-Object Definition
'text' | Get-Member -MemberType Property | Format-Table -AutoSize
