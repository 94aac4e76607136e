# Evidence: $PSBoundParameters is a System.Management.Automation.PSBoundParametersDictionary, a
# Dictionary<string, object> with a case-insensitive comparer (about_Automatic_Variables;
# CommandInfo.cs at v7.6.5), so it is not a [hashtable]; Remove returns whether the key was
# there, TryGetValue fills a [ref]; formatted, a Dictionary shows as Key/Value pairs (it has no
# view of its own, unlike Hashtable's Name/Value).
function Test-Bound {
    [CmdletBinding()]
    param($Name, $Count, $Unused)
    $PSBoundParameters.GetType().FullName
    $PSBoundParameters -is [hashtable]
    $PSBoundParameters -is [System.Collections.IDictionary]
    $PSBoundParameters.ContainsKey('name')
    $PSBoundParameters.Remove('Count')
    $PSBoundParameters.Remove('Unused')
    $value = $null
    $PSBoundParameters.TryGetValue('Name', [ref]$value)
    $value
    $PSBoundParameters
}
Test-Bound -Name Jay -Count 3
