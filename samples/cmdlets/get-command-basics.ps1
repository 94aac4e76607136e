function Get-Thing { param([string]$Name) }
(Get-Command Get-Thing).CommandType
(Get-Command Where-Object).CommandType
(Get-Command -Name 'Sort-*' -CommandType Cmdlet).Name
(Get-Command -Verb Get -Noun Thing).Name
(Get-Command ?).ResolvedCommandName
