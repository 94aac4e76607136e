# A test file written for Pester 4 (PowerShell's own tests are): code in Describe bodies runs
# in order, setup blocks are hoisted, -TestCases are splatted onto param(), both Should forms.
function Get-Square([int] $n) { $n * $n }

Describe 'Get-Square' -Tags 'CI' {
    $cases = @(
        @{ n = 2; square = 4 }
        @{ n = -3; square = 9 }
    )
    It 'squares <n> to <square>' -TestCases $cases {
        param($n, $square)
        Get-Square $n | Should -Be $square
    }
    It 'uses the legacy form' { Get-Square 3 | Should Be 9 }
    It 'negates the legacy form' { Get-Square 3 | Should Not Be 10 }
    It 'reports a wrong value' { Get-Square 3 | Should -Be 10 }
    It 'reports a difference in strings' { 'square of 3' | Should -BeExactly 'Square of 3' }
    It 'is pending' -Pending { }
    It 'has no body yet' { }
    It 'is skipped' -Skip { throw 'never' }

    Context 'errors' {
        It 'throws with an id' { { Get-Item /no/such -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound' }
        It 'fails on an unexpected error' { throw 'it broke' }
        It 'wants an error that did not come' { { 1 } | Should -Throw 'message' }
    }
}

Describe 'setup that fails' {
    BeforeAll { throw 'no database' }
    It 'never runs' { 1 | Should -Be 1 }
}
