function Get-Thing { param([string]$Name) }
(Get-Command Get-Thing).CommandType
(Get-Command Where-Object).CommandType
(Get-Command -Name 'Sort-*' -CommandType Cmdlet).Name
(Get-Command -Verb Get -Noun Thing).Name
# `?` is also a wildcard (it matches %, ?, h and r): pick the alias named `?`.
(Get-Command ? | Where-Object Name -EQ '?').ResolvedCommandName
