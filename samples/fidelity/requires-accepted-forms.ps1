#requires -ver 7
#Requires -PSEdition Core, Desktop
#Requires -RunAsAdministrator
#Requires -Version 7.6.99
# Evidence: tokenizer.cs GetScriptRequirements at v7.6.5 (parameters matched by prefix: -ver is
# -Version; a lone major version means major.0; an edition list passes when Core is in it;
# only major and minor of -Version are compared) and CommandDiscovery.VerifyElevatedPrivileges
# (-RunAsAdministrator passes for root, as the oracle's scripts ran).
'the script runs'
