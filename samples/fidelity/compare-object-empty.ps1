# Evidence: Compare-Object declares ReferenceObject and DifferenceObject with
# [AllowEmptyCollection] (Compare-Object.cs at v7.6.5), so an empty side is compared (every
# item of the other side is a difference) while $null is still a binding error
# (Compare-Object.Tests.ps1: "Should throw when reference set is null").
Compare-Object @() @('a', 'b')
Compare-Object -ReferenceObject @(1, 2) -DifferenceObject @()
(Compare-Object @() @()) -eq $null
Compare-Object @() @('x') -PassThru
Compare-Object $null @('x')
'continues'
