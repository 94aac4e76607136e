# Evidence: .NET's DateTime constructors (learn.microsoft.com System.DateTime: (ticks, kind),
# (year, month, day, hour, minute, second, kind) and (…, millisecond, kind) take a
# DateTimeKind as their last argument; PowerShell converts a name such as 'Utc' to it);
# DateTime.ToString('o') per kind (Unspecified: no suffix, Utc: Z, Local: the offset, +00:00
# under TZ=UTC); ConvertTo-Json writes a DateTime the same way (ConvertTo-Json.Tests.ps1 at
# v7.6.5).
$utc = [datetime]::new(2024, 3, 5, 1, 2, 3, [System.DateTimeKind]::Utc)
$local = [datetime]::new(2024, 3, 5, 1, 2, 3, 250, 'Local')
$plain = [datetime]::new(2024, 3, 5, 1, 2, 3, 250)
$fromTicks = [datetime]::new($utc.Ticks, [System.DateTimeKind]::Utc)
foreach ($d in $utc, $local, $plain, $fromTicks) {
    '{0,-11} {1} {2,3}' -f $d.Kind, $d.ToString('o'), $d.Millisecond
}
[pscustomobject]@{ Utc = $utc; Local = $local; Plain = $plain } | ConvertTo-Json
$utc -eq $fromTicks
