# Evidence: about_Try_Catch_Finally ("A finally block also runs if an exit keyword stops the
# script from within a catch block"), about_Language_Keywords (exit sets the exit code of
# pwsh -File), oracle errors/exit-codes-exit-in-function.
'start'
try { throw 'x' }
catch { 'caught'; exit 5 }
finally { 'finally ran' }
'unreached'
