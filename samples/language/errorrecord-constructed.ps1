# Evidence: pwsh's ErrorPackage.cs at v7.6.5 (ErrorRecord(Exception, string errorId,
# ErrorCategory, object targetObject); FullyQualifiedErrorId = errorId + "," + the invoking
# script command's name once MshCommandRuntime.WriteError/ThrowTerminatingError set the
# invocation; ErrorCategoryInfo.ToString is "Category: (TargetName:TargetType) [Activity],
# Reason" with the target's .NET ToString and its type's short name); a cmdlet's
# ThrowTerminatingError ends only the statement (about_Try_Catch_Finally, about_Throw).
function Remove-Widget {
    [CmdletBinding()]
    param([string]$Name)
    if ($Name -eq 'locked') {
        $ex = [System.InvalidOperationException]::new("Widget '$Name' is locked.")
        $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new($ex, 'WidgetLocked', 'ResourceBusy', $Name))
    }
    if ($Name -like 'x*') {
        $record = [System.Management.Automation.ErrorRecord]::new(
            [System.ArgumentException]::new("No widget named '$Name'."), 'WidgetNotFound',
            [System.Management.Automation.ErrorCategory]::ObjectNotFound, $Name)
        $PSCmdlet.WriteError($record)
        return
    }
    "removed $Name"
}
Remove-Widget -Name a
Remove-Widget -Name x1 -ErrorAction SilentlyContinue -ErrorVariable problems
$problems.Count
$problems[0].FullyQualifiedErrorId
$problems[0].CategoryInfo.ToString()
$problems[0].Exception.GetType().FullName
"$($problems[0])"
try {
    Remove-Widget -Name locked
} catch {
    $_.FullyQualifiedErrorId
    $_.CategoryInfo.Category
    $_.TargetObject
    $_.Exception.Message
}
try { Remove-Widget -Name x2 -ErrorAction Stop } catch { "stopped: $($_.FullyQualifiedErrorId)" }
$plain = [System.Management.Automation.ErrorRecord]::new([Exception]'plain message', 'Plain.Id', 'InvalidData', 42)
$plain.FullyQualifiedErrorId
$plain.CategoryInfo.ToString()
$plain.ToString()
