$o = [pscustomobject]@{ A = 1 }
Add-Member -InputObject $o -MemberType NoteProperty -Name B -Value 2
$o | Add-Member -MemberType AliasProperty -Name Alpha -Value A
$o | Add-Member -MemberType ScriptMethod -Name Sum -Value { $this.A + $this.B }
$o.B
$o.Alpha
$o.Sum()
$p = $o | Add-Member -TypeName 'My.Type' -PassThru
$p.PSObject.TypeNames[0]
