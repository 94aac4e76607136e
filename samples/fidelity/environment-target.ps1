# Evidence: System.EnvironmentVariableTarget is Process (0), User (1), Machine (2); on Unix .NET
# keeps only process variables, so reading with User or Machine gives $null and setting with
# them does nothing (the .NET API docs of Environment.Get/SetEnvironmentVariable); an argument
# that is not a member fails to convert (ExtendedTypeSystem.MethodArgumentConversionException).
[EnvironmentVariableTarget]::Machine
[int][EnvironmentVariableTarget]::User
[Environment]::SetEnvironmentVariable('TEAMSH_SAMPLE_VAR', 'one')
[Environment]::GetEnvironmentVariable('TEAMSH_SAMPLE_VAR', 'Process')
$null -eq [Environment]::GetEnvironmentVariable('TEAMSH_SAMPLE_VAR', [EnvironmentVariableTarget]::User)
[Environment]::SetEnvironmentVariable('TEAMSH_SAMPLE_VAR', 'two', 'Machine')
$env:TEAMSH_SAMPLE_VAR
[Environment]::SetEnvironmentVariable('TEAMSH_SAMPLE_VAR', $null)
$null -eq $env:TEAMSH_SAMPLE_VAR
[Environment]::GetEnvironmentVariables('User').Count
try { [Environment]::GetEnvironmentVariable('HOME', 'Everywhere') } catch { $_.FullyQualifiedErrorId }
