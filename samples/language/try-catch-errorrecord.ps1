# Evidence: about_Try_Catch_Finally (Catching errors: an unknown command is caught; $_ in a
# catch block is the ErrorRecord; catch by base type SystemException), about_Throw (throw a
# string, throw an exception object, TargetObject of a thrown object), oracle
# errors/error-record-fields and errors/command-not-found (message text),
# errors/throw-object ("@{Code=1}" as the message of a thrown object), pester/p16 (the
# command-not-found message has a line break after "program.").
try { NonsenseString }
catch { "An error occurred." }
try { NonsenseString } catch { Write-Host $_ }
try { NonsenseString } catch [System.Management.Automation.CommandNotFoundException] { "Inherited Exception" }
try { NonsenseString } catch [System.SystemException] { "Base Exception" }
try { NonsenseString } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
try { throw "This is an error." } catch { $_.Exception.Message; $_.Exception.GetType().FullName }
try { throw [System.FormatException]::new() } catch { $_.Exception.Message; $_.Exception.GetType().Name }
try { throw [pscustomobject]@{ Code = 1 } } catch { $_.Exception.Message; $_.TargetObject.Code }
try { throw } catch { $_.Exception.Message }
