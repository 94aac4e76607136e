# Evidence: PowerShellCore_format_ps1xml.cs at v7.6.5 (the System.RuntimeType table view:
# IsPublic 8, IsSerial 8 (IsSerializable), Name 40, BaseType), .NET's Type.IsSerializable
# ([Serializable] types and every enum; PowerShell classes are not), about_Classes (a class
# derives from System.Object), the GetType() examples of about_Object_Creation/about_Arrays
# (Object[] with BaseType System.Array).
[int]
'text'.GetType()
(1, 2).GetType()
@{ a = 1 }.GetType()
(Get-Date -Date '2024-01-01').GetType()
(1.5).GetType()
$true.GetType()
[long], [decimal], [char], [guid], [version], [timespan]
[System.DayOfWeek]
class Car { [string] $Make }
enum Size { Small; Large }
[Car], [Size]
[Car]::new().GetType()
[Size]::Large.GetType()
[System.Collections.Generic.List[string]]
