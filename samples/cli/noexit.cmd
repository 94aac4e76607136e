# Evidence: about_Pwsh (-NoExit: "Doesn't exit after running startup commands") with commands
# piped in, read as pwsh's console host reads redirected stdin (each prompt and line echoed, as
# the oracle's cli/stdin-bare shows) but without the banner (-Command turns it off); `exit 3`
# ends the session with that code.
printf '"from stdin"\nexit 3\n' | teamsh -NoProfile -NoExit -Command '"from -Command"'; echo "exit $?"
