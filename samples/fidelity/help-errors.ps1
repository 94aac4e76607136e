# Evidence: HelpCommands.cs and HelpErrors.resx at v7.6.5 (NoParmsFound: "No parameter matches
# criteria {0}." with the first pattern, category InvalidArgument; HelpNotFound for a name no
# topic has, also when -Component/-Role/-Functionality filter the topic out; a wildcard that
# matches nothing is no error), the oracle's h06 (HelpNotFound's text), CommandProcessor.cs and
# ScriptCommandProcessor.cs (Command -? shows Get-Help Command: always for a cmdlet, for a
# function only when it has comment-based help; else -? is an ordinary argument).
function Get-Thing {
    <#
    .SYNOPSIS
    Gets a thing.
    .COMPONENT
    Things
    #>
    param($Name)
    "ran with $args"
}
function Get-Other { "Get-Other ran with [$args]" }
Get-Help Get-Thing -Parameter Nope
$r = Get-Help Get-Thing -Component Stuff -ErrorAction SilentlyContinue -ErrorVariable e
"component filter: $($null -eq $r) $($e[0].FullyQualifiedErrorId)"
(Get-Help Get-Thing -Component Thing*).Synopsis
Get-Help Get-NoSuchThing*
'no error for a wildcard'
$e2 = $null
try { Get-Help Get-NoSuchThing -ErrorAction Stop } catch { $e2 = $_ }
$e2.CategoryInfo.Category
(Get-Thing -?).Synopsis
Get-Other -?
(Get-Date -?).Name
