# Evidence: Export-Clixml / Import-Clixml (cmdlet reference and about_Serialization... the
# CLIXML of pwsh's Serializer: <Objs Version="1.1.0.1">, RefId'd type names, <MS> members,
# <S>/<I32>/<B>/<LST>; imported custom objects come back as property bags whose first type
# name is "Deserialized.System.Management.Automation.PSCustomObject"; -NoClobber's text is
# PathUtilsStrings.UtilityFileExistsNoClobber with the path as typed).
$data = [pscustomobject]@{ Name = 'Contoso'; Seats = 42; Tags = @('a', 'b'); Active = $true }
$data | Export-Clixml -Path ./data.xml
Get-Content ./data.xml
$back = Import-Clixml -Path ./data.xml
$back
$back.PSObject.TypeNames[0]
$back.Seats.GetType().Name
$back.Tags.Count
@{ One = 1 } | Export-Clixml ./hash.xml
(Import-Clixml ./hash.xml).One
'text' | Export-Clixml ./data.xml -NoClobber
1, 'two', 3.5 | Export-Clixml ./list.xml
Import-Clixml ./list.xml | ForEach-Object { $_.GetType().Name }
