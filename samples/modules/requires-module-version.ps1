#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '2.6.0' }
# On the default world (MicrosoftTeams 2.3.1) this script does not start at all.
'never printed'
