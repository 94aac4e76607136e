# A policy object to JSON and back: property order, nested arrays and objects survive.
$policy = [pscustomobject]@{
    Identity  = 'Tag:Strict'
    Enabled   = $true
    Rank      = 2
    Tags      = @('e2ee', 'calls')
    Owner     = [pscustomobject]@{ Name = 'Jay'; Id = 7 }
    Note      = $null
}
$json = $policy | ConvertTo-Json
$json
$back = $json | ConvertFrom-Json
$back.Identity
$back.Tags -join '+'
$back.Owner.Name
$back.Rank.GetType().Name
$back | ConvertTo-Json -Compress
