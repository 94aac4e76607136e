# Mocks of functions defined in BeforeAll, Should -Invoke counts (Normal output).
$r = Invoke-Pester -Path ./Greeting.Tests.ps1 -PassThru
'{0}: {1} passed, {2} failed; LASTEXITCODE {3}' -f $r.Result, $r.PassedCount, $r.FailedCount, $LASTEXITCODE
