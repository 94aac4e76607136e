# Evidence: AddMember.cs at v7.6.5 (-MemberType/-Name/-Value/-SecondValue at positions 0-3 in
# MemberSet, -NotePropertyName/-NotePropertyValue at 0-1; ValidateNotePropertyName refuses names
# that convert to AliasProperty, CodeMethod, CodeProperty, MemberSet, NoteProperty, PropertySet,
# ScriptMethod or ScriptProperty; NotePropertyTransformation turns a number into its text);
# ParameterBinderController.BindPositionalParameters (a value goes first to a parameter that takes
# it unconverted, a failed validation passes it on); Add-Member.Tests.ps1 ("Simplified Add-Member
# should support using 'Property' as the NoteProperty member name": `a 8 np Any` makes np,
# `a 23 Any` makes 23, `a Method Any` makes Method); AddMember.resx for the message; a
# PSCustomObject's members stay in the order they were added (AddMemberToTarget removes, then adds).
$o = [pscustomobject]@{ Id = 1 }
$o | Add-Member Owner 'ann'
Add-Member -InputObject $o NoteProperty Site 'HQ'
$o | Add-Member ScriptProperty Label { "#$($this.Id) $($this.Owner)" }
$o | Add-Member ScriptMethod Bump { $this.Id += 1 }
$o | Add-Member 8 Tier 'gold'
$o | Add-Member 23 'twenty-three'
$o | Add-Member Method 'not a method'
$o.Bump()
$o.Label
$o | Format-List
$o | Add-Member Owner 'bob' -ErrorAction SilentlyContinue -ErrorVariable err
$err[0].FullyQualifiedErrorId
$o | Add-Member Owner 'bob' -Force
$o.Owner
# -Force removes the old member and adds the new one last.
$o.psobject.Properties.Name -join ','
try {
    $o | Add-Member -NotePropertyName ScriptProperty -NotePropertyValue 1 -ErrorAction Stop
} catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
}
$h = [ordered]@{ Color = 'red'; Size = 2 }
$o | Add-Member $h
$o.Color, $o.Size -join '/'
