# A Microsoft365DSC-shaped resource for tenant dial plans (see TeamshFeedbackPolicy.psm1): rules
# are made with New-CsVoiceNormalizationRule -InMemory and applied with `@{ Add = … }` and
# `@{ Remove = … }`; the parameter table goes through Remove-M365DSCAuthenticationParameter and
# the differences are kept in a hashtable filled with `.Add()`.

function Get-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String] $Description,
        [System.String] $SimpleName,
        [System.String[]] $Patterns,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $null = New-M365DSCConnection -Workload 'MicrosoftTeams' -InboundParameters $PSBoundParameters
    $plan = Get-CsTenantDialPlan -Identity $Identity -ErrorAction SilentlyContinue
    if ($null -eq $plan) { return @{ Identity = $Identity; Ensure = 'Absent' } }
    $result = @{ Identity = $Identity; Description = $plan.Description; SimpleName = $plan.SimpleName; Ensure = 'Present' }
    $result.Add('Patterns', @($plan.NormalizationRules | ForEach-Object { $_.Pattern }))
    $result
}

function Set-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String] $Description,
        [System.String] $SimpleName,
        [System.String[]] $Patterns,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    $PSBoundParameters = Remove-M365DSCAuthenticationParameter -BoundParameters $PSBoundParameters
    $PSBoundParameters.Remove('Patterns') | Out-Null
    if ($Ensure -eq 'Absent') {
        if ($current.Ensure -eq 'Present') { Remove-CsTenantDialPlan -Identity $Identity }
        return
    }
    $changes = @{}
    $changes.Add('ToAdd', @($Patterns | Where-Object { $_ -notin $current.Patterns }))
    $changes.Add('ToRemove', @($current.Patterns | Where-Object { $_ -notin $Patterns }))
    $rules = @()
    $n = 1
    foreach ($pattern in $changes.ToAdd) {
        $rules += New-CsVoiceNormalizationRule -Parent $Identity -Name "Rule$n" -Pattern $pattern -Translation '+$1' -InMemory
        $n++
    }
    if ($current.Ensure -eq 'Absent') {
        $PSBoundParameters.NormalizationRules = @{ Add = $rules }
        New-CsTenantDialPlan @PSBoundParameters | Out-Null
        return
    }
    Set-CsTenantDialPlan @PSBoundParameters
    if ($rules.Count) { Set-CsTenantDialPlan -Identity $Identity -NormalizationRules @{ Add = $rules } }
    $plan = Get-CsTenantDialPlan -Identity $Identity
    foreach ($pattern in $changes.ToRemove) {
        $rule = $plan.NormalizationRules | Where-Object Pattern -eq $pattern
        Set-CsTenantDialPlan -Identity $Identity -NormalizationRules @{ Remove = $rule }
    }
}

function Test-TargetResource {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.String] $Identity,
        [System.String] $Description,
        [System.String] $SimpleName,
        [System.String[]] $Patterns,
        [ValidateSet('Present', 'Absent')] [System.String] $Ensure = 'Present'
    )
    $current = Get-TargetResource @PSBoundParameters
    if ($current.Ensure -ne $Ensure) { return $false }
    $check = Remove-M365DSCAuthenticationParameter -BoundParameters ([Hashtable]$PSBoundParameters).Clone()
    $check.Remove('Identity') | Out-Null
    Test-M365DSCParameterState -CurrentValues $current -DesiredValues $PSBoundParameters -ValuesToCheck $check.Keys
}

Export-ModuleMember -Function *-TargetResource
