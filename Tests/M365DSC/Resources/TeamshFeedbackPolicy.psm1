# A resource shaped like Microsoft365DSC's policy resources (Get-, Set-, Test-TargetResource),
# written for teamsh's harness so it runs where Microsoft365DSC is not installed. It uses the same
# call patterns: a connection and telemetry helpers, Get with -ErrorAction SilentlyContinue and a
# $null test, $PSBoundParameters as the absent result, a cloned parameter table splatted to
# New-/Set-, and the comparison helper with the key left out.

function Get-TargetResource {
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String] $UserInitiatedMode,
        [ValidateSet('Enabled', 'Disabled', 'EnabledUserOverride')] [System.String] $ReceiveSurveysMode,
        [System.Boolean] $AllowEmailCollection,
        [System.Boolean] $AllowLogCollection,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $null = New-M365DSCConnection -Workload 'MicrosoftTeams' -InboundParameters $PSBoundParameters
    Add-M365DSCTelemetryEvent -Data (Format-M365DSCTelemetryParameters -ResourceName $MyInvocation.MyCommand.ModuleName -CommandName $MyInvocation.MyCommand -Parameters $PSBoundParameters)

    $absent = $PSBoundParameters
    $absent.Ensure = 'Absent'
    $policy = Get-CsTeamsFeedbackPolicy -Identity $Identity -ErrorAction SilentlyContinue
    if ($null -eq $policy) { return $absent }
    @{
        Identity             = $policy.Identity
        UserInitiatedMode    = $policy.UserInitiatedMode
        ReceiveSurveysMode   = $policy.ReceiveSurveysMode
        AllowEmailCollection = $policy.AllowEmailCollection
        AllowLogCollection   = $policy.AllowLogCollection
        Ensure               = 'Present'
    }
}

function Set-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String] $UserInitiatedMode,
        [ValidateSet('Enabled', 'Disabled', 'EnabledUserOverride')] [System.String] $ReceiveSurveysMode,
        [System.Boolean] $AllowEmailCollection,
        [System.Boolean] $AllowLogCollection,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    $PSBoundParameters.Remove('Ensure') | Out-Null
    $parameters = ([Hashtable]$PSBoundParameters).Clone()
    $parameters.Remove('Verbose') | Out-Null
    Write-Verbose "Parameters: $(Convert-M365DscHashtableToString -Hashtable $parameters)"
    if ($Ensure -eq 'Present' -and $current.Ensure -eq 'Absent') {
        New-CsTeamsFeedbackPolicy @parameters | Out-Null
    } elseif ($Ensure -eq 'Present') {
        Set-CsTeamsFeedbackPolicy @parameters
    } elseif ($current.Ensure -eq 'Present') {
        Remove-CsTeamsFeedbackPolicy -Identity $current.Identity
    }
}

function Test-TargetResource {
    [CmdletBinding()]
    [OutputType([System.Boolean])]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String] $UserInitiatedMode,
        [ValidateSet('Enabled', 'Disabled', 'EnabledUserOverride')] [System.String] $ReceiveSurveysMode,
        [System.Boolean] $AllowEmailCollection,
        [System.Boolean] $AllowLogCollection,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    if ($current.Ensure -ne $Ensure) { return $false }
    $check = ([Hashtable]$PSBoundParameters).Clone()
    $check.Remove('Identity') | Out-Null
    Test-M365DSCParameterState -CurrentValues $current -DesiredValues $PSBoundParameters -ValuesToCheck $check.Keys
}

Export-ModuleMember -Function *-TargetResource
