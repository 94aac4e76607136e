#Requires -Version 5.2
# Evidence: PSVersionInfo.IsValidPSVersion at v7.6.5 (only versions that existed count: 1.0 to
# 4.0, 5.0 and 5.1, 6.0 to 6.2, 7.0 up to the running minor version), DiscoveryExceptions'
# RequiresPSVersionNotCompatible with the version as System.Version prints it, the oracle's m08.
'never runs'
