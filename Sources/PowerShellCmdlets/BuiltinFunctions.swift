import PowerShellRuntime

/// The functions every pwsh session starts with (InitialSessionState.BuiltInFunctions at
/// v7.6.5): `prompt`, `help`, `Pause`, `cd..`, `cd~`, `cd\` and `oss`, written in teamsh's own
/// code to do what pwsh's do.
enum BuiltinFunctions {
    static func install(into context: ExecutionContext) {
        context.defineDeferredFunctions(named: names, text: text)
    }

    /// The functions `text` defines, in its order.
    static let names = ["prompt", "Pause", "cd..", "cd~", "cd\\", "oss", "help"]

    static let text = #"""
    function prompt {
        "PS $($ExecutionContext.SessionState.Path.CurrentLocation)$('>' * ($NestedPromptLevel + 1)) "
    }

    function Pause { $null = Read-Host 'Press Enter to continue...' }

    function cd.. { Set-Location .. }

    function cd~ { Set-Location ~ }

    function cd\ { Set-Location \ }

    function oss {
        [CmdletBinding()]
        param([ValidateRange(2, 2147483647)] [int] $Width, [Parameter(ValueFromPipeline = $true)] [psobject] $InputObject)
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end {
            if ($PSBoundParameters.ContainsKey('Width')) { $items | Out-String -Stream -Width $Width }
            else { $items | Out-String -Stream }
        }
    }

    function help {
        <#
        .SYNOPSIS
        Displays help about commands and concepts a page at a time (Get-Help, with the full view by default).
        #>
        [CmdletBinding(DefaultParameterSetName = 'AllUsersView')]
        param(
            [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)] [string] $Name,
            [string] $Path,
            [ValidateSet('Alias', 'Cmdlet', 'Provider', 'General', 'FAQ', 'Glossary', 'HelpFile', 'ScriptCommand', 'Function', 'Filter', 'ExternalScript', 'All', 'DefaultHelp', 'DscResource', 'Class', 'Configuration')]
            [string[]] $Category,
            [Parameter(ParameterSetName = 'DetailedView', Mandatory = $true)] [switch] $Detailed,
            [Parameter(ParameterSetName = 'AllUsersView')] [switch] $Full,
            [Parameter(ParameterSetName = 'Examples', Mandatory = $true)] [switch] $Examples,
            [Parameter(ParameterSetName = 'Parameters', Mandatory = $true)] [string[]] $Parameter,
            [string[]] $Component,
            [string[]] $Functionality,
            [string[]] $Role,
            [Parameter(ParameterSetName = 'Online', Mandatory = $true)] [switch] $Online
        )
        if ($PSCmdlet.ParameterSetName -eq 'AllUsersView' -and -not $Full) { $PSBoundParameters['Full'] = $true }
        $help = Get-Help @PSBoundParameters
        $first = $help | Select-Object -First 1
        # Lists and alias help are short: they are not paged.
        if ($null -eq $first -or $first.PSTypeNames -contains 'HelpInfoShort' -or $first.PSTypeNames -contains 'AliasHelpInfo') { return $help }
        $pager = 'less'
        $pagerArgs = @('-s', '-P', 'Page %db?B of %D:.\. Press h for help or q to quit\.')
        if (-not [string]::IsNullOrWhiteSpace($env:PAGER)) {
            $words = @($env:PAGER -split '\s+' | Where-Object { $_ })
            if (Get-Command $env:PAGER -ErrorAction Ignore) { $pager = $env:PAGER; $pagerArgs = @() }
            elseif (Get-Command $words[0] -ErrorAction Ignore) { $pager = $words[0]; $pagerArgs = @($words | Select-Object -Skip 1) }
            else { Write-Warning "Custom-paging utility command not found. Ignoring command specified in `$env:PAGER: $env:PAGER" }
        }
        $pagerCommand = Get-Command $pager -ErrorAction Ignore
        if ($null -eq $pagerCommand) { return $help }
        if ($pagerCommand.CommandType -eq 'Application') {
            $width = [Math]::Max([Console]::WindowWidth, 20)
            $help | Out-String -Stream -Width ($width - 1) | & $pager @pagerArgs
        } else {
            $help | & $pager @pagerArgs
        }
    }
    """#
}
