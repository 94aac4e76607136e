# Evidence: AddType.cs and AddTypeStrings.resx at v7.6.5 and Add-Type.Tests.ps1 ("Throw
# terminating error when specified assembly is not found": a plain name that does not load is
# looked for as NAME.dll in the current folder, PathNotFound; a wildcard name that matches
# nothing is ErrorLoadingAssembly, "Cannot load assembly '{0}'." in ParserStrings.resx; a rooted
# path is System.IO.FileNotFoundException; a -Path file that is neither .cs nor .dll is
# EXTENSION_NOT_SUPPORTED with the upper-cased extension). Framework assemblies load by name
# silently; each error is terminating, so the statement ends and the script goes on.
Add-Type -AssemblyName System.Web
Add-Type -AssemblyName System.Net.Http, System.Collections
Add-Type -AssemblyName 'System.Runtime.Serialization.Primitives'
[System.Web.HttpUtility]::UrlEncode('a b&c')
'framework assemblies loaded'
Add-Type -AssemblyName does_not_exist
Add-Type -AssemblyName 'does_not_exist_with_wildcard_*'
Add-Type -AssemblyName "/opt/microsoft/powershell/7/does_not_exist"
Set-Content ./VBFile.vb 'Module M'
Add-Type -Path ./VBFile.vb
try { Add-Type -AssemblyName does_not_exist } catch { $_.FullyQualifiedErrorId }
try { Add-Type -Path ./VBFile.vb } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
'done'
