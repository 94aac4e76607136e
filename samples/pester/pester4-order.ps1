# Pester 4's execution model (Describe.ps1, It.ps1 and SetupTeardown.ps1 of Pester 4.10.1): no
# discovery, so body code runs where it stands; BeforeAll/AfterAll/BeforeEach/AfterEach are
# hoisted from wherever they are written; BeforeAll runs before the body and dot-sourced into
# the enclosing scope; BeforeEach outer to inner, AfterEach inner to outer; each test runs in
# a child scope inside `do { } until ($true)`, so `break` ends only that test.
Import-Module Pester -RequiredVersion 4.10.1
Invoke-Pester -Path ./Order4.Tests.ps1 -Show Describe, Context, Passed, Failed, Summary
