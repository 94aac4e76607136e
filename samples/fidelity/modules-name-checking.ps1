# Evidence: ModuleCmdletBase.ImportModuleMembers/ValidateCommandName and Modules.resx at v7.6.5:
# importing functions whose verb is not one of pwsh's approved verbs (Verbs.cs) warns once per
# import (ImportingNonStandardVerb); nouns with restricted characters warn once too
# (ImportingNonStandardNoun); -DisableNameChecking silences both; names without a dash are not
# checked; a manifest's nested modules are imported without the check, only the top-level import
# checks what it brings in.
Set-Content ./Odd.psm1 @'
function Fetch-Data { 'fetched' }
function Grab-Data { 'grabbed' }
function Get-Data+Plus { 'plus' }
function Get-Data { 'data' }
function helper { 'no dash' }
'@
Import-Module ./Odd.psm1
Fetch-Data
Remove-Module Odd
Import-Module ./Odd.psm1 -DisableNameChecking
'quiet import'
Remove-Module Odd
Set-Content ./Clean.psm1 'function Get-Clean { "clean" }; function Set-Clean { }'
Import-Module ./Clean.psm1
'no warning for approved verbs'
Set-Content ./Wrapper.psd1 "@{ ModuleVersion = '1.0'; NestedModules = @('Odd.psm1'); FunctionsToExport = 'Get-Data' }"
Import-Module ./Wrapper.psd1
Get-Data
