# A Microsoft365DSC-shaped resource for app setup policies (see TeamshFeedbackPolicy.psm1): pinned
# apps are given as ids and turned into the module's objects with `[…Core.PinnedApp]::New($id, $n)`;
# Get gives them back as ids (`.PinnedAppBarApps.Id`).

function Get-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String[]] $PinnedAppBarApps,
        [System.Boolean] $AllowSideLoading,
        [System.Boolean] $AllowUserPinning,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $null = New-M365DSCConnection -Workload 'MicrosoftTeams' -InboundParameters $PSBoundParameters
    $absent = $PSBoundParameters
    $absent.Ensure = 'Absent'
    $policy = Get-CsTeamsAppSetupPolicy -Identity $Identity -ErrorAction SilentlyContinue
    if ($null -eq $policy) { return $absent }
    @{
        Identity         = $policy.Identity.Replace('Tag:', '')
        PinnedAppBarApps = $policy.PinnedAppBarApps.Id
        AllowSideLoading = $policy.AllowSideLoading
        AllowUserPinning = $policy.AllowUserPinning
        Ensure           = 'Present'
    }
}

function Set-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String[]] $PinnedAppBarApps,
        [System.Boolean] $AllowSideLoading,
        [System.Boolean] $AllowUserPinning,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    $PSBoundParameters.Remove('Ensure') | Out-Null
    $apps = @()
    $order = 1
    foreach ($id in @($PinnedAppBarApps)) {
        $apps += [Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp]::New($id, $order)
        $order++
    }
    $parameters = ([Hashtable]$PSBoundParameters).Clone()
    if ($PSBoundParameters.ContainsKey('PinnedAppBarApps')) { $parameters.PinnedAppBarApps = $apps }
    if ($Ensure -eq 'Present' -and $current.Ensure -eq 'Absent') {
        New-CsTeamsAppSetupPolicy @parameters | Out-Null
    } elseif ($Ensure -eq 'Present') {
        Set-CsTeamsAppSetupPolicy @parameters
    } else {
        Remove-CsTeamsAppSetupPolicy -Identity $Identity
    }
}

function Test-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String[]] $PinnedAppBarApps,
        [System.Boolean] $AllowSideLoading,
        [System.Boolean] $AllowUserPinning,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    if ($current.Ensure -ne $Ensure) { return $false }
    Test-M365DSCParameterState -CurrentValues $current -DesiredValues $PSBoundParameters -ValuesToCheck $PSBoundParameters.Keys
}

Export-ModuleMember -Function *-TargetResource
