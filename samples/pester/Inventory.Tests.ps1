BeforeAll {
    Import-Module ./Inventory.psm1 -Force
    $log = Join-Path $TestDrive 'report.log'
}
Describe 'Get-Report' {
    It 'writes to TestDrive from the top-level BeforeAll' {
        Get-Report -Item pens | Set-Content -Path $log
        Test-Path TestDrive:\report.log | Should -BeTrue
    }
    It 'mocks a private function of the module' {
        Mock Get-Stock { 42 } -ModuleName Inventory
        Get-Report -Item pens | Should -Match '^pens: 42 in stock'
        Should -Invoke Get-Stock -ModuleName Inventory -Times 1 -Exactly -ParameterFilter { $Item -eq 'pens' }
    }
    It 'mocks a cmdlet the module calls' {
        Mock Get-Date { '2000-01-01' } -ModuleName Inventory
        Get-Report -Item ink | Should -Be 'ink: 3 in stock on 2000-01-01'
        Get-Date -Format yyyy | Should -Not -Be '2000'
    }
    It 'runs code in the module scope' {
        InModuleScope Inventory { Get-Stock -Item x } | Should -Be 3
    }
    It 'counts the calls made in this test' {
        Mock Get-Stock { 1 } -ModuleName Inventory
        $null = Get-Report -Item a; $null = Get-Report -Item b
        Should -Invoke Get-Stock -ModuleName Inventory -Times 3 -Exactly
    }
}
