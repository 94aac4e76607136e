Describe 'Policy names' -Tag 'unit' {
    BeforeAll { $names = 'Global', 'Tag:Custom' }
    Context 'shape' {
        It 'has <Count> names' -TestCases @{ Count = 2 } { $names | Should -HaveCount $Count }
        It 'starts with Global' { $names[0] | Should -Be 'Global' -Because 'Global comes first' }
        It 'has no Default' { $names | Should -Not -Contain 'Default' }
    }
    Context 'errors' {
        It 'throws with a message' { { throw 'policy not found' } | Should -Throw 'policy*' }
        It 'wrong message' { { throw 'nope' } | Should -Throw -ExpectedMessage 'missing' -Because 'the text matters' }
        It 'is skipped for now' { Set-ItResult -Skipped -Because 'the tenant is offline' }
    }
}
Describe 'Slow checks' -Tag 'slow' {
    It 'never runs' { 1 | Should -Be 2 }
}
