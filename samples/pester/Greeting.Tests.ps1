BeforeAll {
    function Get-Greeting { param($Name) "Hello $Name" }
    function Send-Greeting { param($Name) $g = Get-Greeting -Name $Name; "sent: $g" }
}
Describe 'Send-Greeting' {
    It 'uses the real function' { Send-Greeting -Name Jay | Should -Be 'sent: Hello Jay' }
    It 'mocks a function' {
        Mock Get-Greeting { 'mocked' }
        Send-Greeting -Name Jay | Should -Be 'sent: mocked'
        Should -Invoke Get-Greeting -Times 1 -Exactly
    }
    It 'filters parameters' {
        Mock Get-Greeting { 'jay!' } -ParameterFilter { $Name -eq 'Jay' }
        Mock Get-Greeting { 'other' }
        Send-Greeting -Name Jay | Should -Be 'sent: jay!'
        Send-Greeting -Name Ken | Should -Be 'sent: other'
        Should -Invoke Get-Greeting -Times 1 -Exactly -ParameterFilter { $Name -eq 'Ken' }
    }
    It 'fails an exact count' {
        Mock Get-Greeting { 'm' }
        Should -Invoke Get-Greeting -Times 1 -Exactly
    }
    It 'fails a minimum count' {
        Mock Get-Greeting { 'm' }
        $null = Send-Greeting -Name A
        Should -Invoke Get-Greeting -Times 2
    }
    It 'no longer mocked' { Get-Greeting -Name Ann | Should -Be 'Hello Ann' }
}
