# A Microsoft365DSC-shaped resource for online voice routing policies (see
# TeamshFeedbackPolicy.psm1): it checks that the PSTN usages exist (Get-CsOnlinePstnUsage |
# Select-Object -ExpandProperty Usage) before it writes the policy.

function Get-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String[]] $OnlinePstnUsages,
        [System.String] $Description,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $null = New-M365DSCConnection -Workload 'MicrosoftTeams' -InboundParameters $PSBoundParameters
    $policy = Get-CsOnlineVoiceRoutingPolicy -Identity $Identity -ErrorAction SilentlyContinue
    if ($null -eq $policy) { return @{ Identity = $Identity; Ensure = 'Absent' } }
    @{ Identity = $Identity; OnlinePstnUsages = $policy.OnlinePstnUsages; Description = $policy.Description; Ensure = 'Present' }
}

function Set-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String[]] $OnlinePstnUsages,
        [System.String] $Description,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $known = Get-CsOnlinePstnUsage | Select-Object -ExpandProperty Usage
    $missing = @($OnlinePstnUsages | Where-Object { $known -notcontains $_ })
    if ($missing.Count) { throw "Unknown PSTN usages: $($missing -join ', ')" }
    $current = Get-TargetResource @PSBoundParameters
    $parameters = Remove-M365DSCAuthenticationParameter -BoundParameters ([Hashtable]$PSBoundParameters).Clone()
    if ($Ensure -eq 'Absent') {
        if ($current.Ensure -eq 'Present') { Remove-CsOnlineVoiceRoutingPolicy -Identity $Identity }
    } elseif ($current.Ensure -eq 'Absent') {
        New-CsOnlineVoiceRoutingPolicy @parameters | Out-Null
    } else {
        Set-CsOnlineVoiceRoutingPolicy @parameters
    }
}

function Test-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String[]] $OnlinePstnUsages,
        [System.String] $Description,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    if ($current.Ensure -ne $Ensure) { return $false }
    Test-M365DSCParameterState -CurrentValues $current -DesiredValues $PSBoundParameters -ValuesToCheck $PSBoundParameters.Keys
}

Export-ModuleMember -Function *-TargetResource
