# Stand-ins for the Microsoft365DSC helper functions that the MSFT_Teams*Policy resources call,
# written for teamsh's test harness (not Microsoft365DSC's code): they connect to the simulated
# tenant, drop telemetry, and compare current and desired values the way a DSC test needs.

function New-M365DSCConnection {
    [CmdletBinding()]
    param([string]$Workload, [hashtable]$InboundParameters, [switch]$Url, [switch]$SkipModuleReload)
    $null = Connect-MicrosoftTeams
    'Credentials'
}

function Confirm-M365DSCDependencies { [CmdletBinding()] param() }

function Format-M365DSCTelemetryParameters {
    [CmdletBinding()]
    param([string]$ResourceName, $CommandName, $Parameters)
    @{ Resource = $ResourceName }
}

function Add-M365DSCTelemetryEvent { [CmdletBinding()] param($Data, $Type) }

function New-M365DSCLogEntry {
    [CmdletBinding()]
    param($Message, $Exception, $Source, $TenantId, $Credential)
    # A resource logs what it caught; the harness wants to see it.
    Write-Warning "$Message $Exception"
}

# The resource's own and the connection's parameters leave the table (Ensure too), so the rest
# can be splatted to a cmdlet.
function Remove-M365DSCAuthenticationParameter {
    [CmdletBinding()]
    param([hashtable]$BoundParameters)
    foreach ($name in 'Ensure', 'Credential', 'ApplicationId', 'ApplicationSecret', 'TenantId', 'CertificateThumbprint',
        'CertificatePath', 'CertificatePassword', 'ManagedIdentity', 'AccessTokens', 'Verbose') {
        $BoundParameters.Remove($name) | Out-Null
    }
    $BoundParameters
}

function Convert-M365DscHashtableToString {
    [CmdletBinding()]
    param($Hashtable)
    (@($Hashtable.Keys) | Sort-Object | ForEach-Object { "$_=$($Hashtable[$_])" }) -join "`r`n"
}

function Convert-M365DSCDRGComplexTypeToHashtable {
    [CmdletBinding()]
    param($ComplexObject)
    $table = @{}
    foreach ($property in $ComplexObject.PSObject.Properties) { $table[$property.Name] = $property.Value }
    $table
}

# True when every named value is the same in both tables: text case-insensitively, lists as
# sets of their texts, $null equal to an empty value.
function Test-M365DSCParameterState {
    [CmdletBinding()]
    param($CurrentValues, $DesiredValues, $ValuesToCheck, $Source, $IncludedDrifts)
    $same = $true
    foreach ($key in @($ValuesToCheck)) {
        if ($key -in 'Verbose', 'Credential', 'ApplicationId', 'TenantId', 'CertificateThumbprint', 'ManagedIdentity', 'AccessTokens') { continue }
        $desired = @($DesiredValues[$key] | Where-Object { $null -ne $_ } | ForEach-Object { "$_" })
        $current = @($CurrentValues[$key] | Where-Object { $null -ne $_ } | ForEach-Object { "$_" })
        $missing = @($desired | Where-Object { $_ -notin $current })
        $extra = @($current | Where-Object { $_ -notin $desired })
        if ($missing.Count -or $extra.Count) {
            Write-Verbose "Drift in ${key}: desired '$($desired -join ',')', current '$($current -join ',')'"
            $same = $false
        }
    }
    $same
}

Export-ModuleMember -Function *
