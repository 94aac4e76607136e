# Pester 4's execution order: what each block writes shows when it ran.
Describe 'outer' {
    Write-Host 'outer body starts'
    It 'first' { Write-Host '  test: first' }
    AfterEach { Write-Host '  outer AfterEach' }
    BeforeEach { Write-Host '  outer BeforeEach' }
    Context 'inner' {
        BeforeEach { Write-Host '  inner BeforeEach' }
        AfterEach { Write-Host '  inner AfterEach' }
        It 'second' { Write-Host "  test: second sees `$shared = $shared" }
        Write-Host 'inner body ends'
    }
    AfterAll { Write-Host 'outer AfterAll' }
    BeforeAll { Write-Host 'outer BeforeAll'; $shared = 'set by BeforeAll' }
    Write-Host 'outer body ends'
}
Describe 'break and variables' {
    It 'stops at break' { Write-Host 'before break'; break; Write-Host 'not printed' }
    It 'runs the next test' { $local = 1; Write-Host "after break, `$shared = '$shared'" }
    It 'does not see the last test''s variables' { Write-Host "`$local = '$local'" }
}
