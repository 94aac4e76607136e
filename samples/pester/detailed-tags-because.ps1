# Detailed output, nested Context headers, -TagFilter, -Because, -Not, -Throw forms, Set-ItResult.
Invoke-Pester -Path ./Policy.Tests.ps1 -Output Detailed -TagFilter unit
"exit code: $LASTEXITCODE"
