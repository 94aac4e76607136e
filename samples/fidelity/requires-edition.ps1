#Requires -PSEdition Desktop
# Evidence: CommandDiscovery.VerifyPSEdition and DiscoveryExceptions.resx at v7.6.5
# (RequiresPSEditionNotCompatible, raised as a plain RuntimeException with the id
# ScriptRequiresUnmatchedPSEdition, so ConciseView names it by its type), exit code 1 as the
# oracle's m06-m08 (a script whose requirements fail does not run).
'never runs'
