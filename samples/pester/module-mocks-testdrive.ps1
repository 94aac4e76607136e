# Pester 5: $TestDrive and TestDrive: exist in a file's top-level BeforeAll (Pester 5.7.1's
# TestDrive plugin makes the drive when the root block starts); Mock -ModuleName puts the mock
# in the module's scope, so calls from inside the module reach it, and Should -Invoke
# -ModuleName counts them; InModuleScope runs code as the module's own (Pester 5.7.1's
# Mock.ps1 and InModuleScope.ps1, whose texts name the module: "Expected X in module M to be
# called …"). The last test's count is wrong on purpose.
Invoke-Pester -Path ./Inventory.Tests.ps1 -Output Detailed
