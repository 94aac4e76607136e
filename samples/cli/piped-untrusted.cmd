# Evidence: PowerShellGet 2.2.5 asks before installing from an untrusted repository
# (RepositoryIsNotTrusted / QueryInstallUntrustedPackage through ShouldContinue with security
# impact: the host's Yes/Yes to All/No/No to All/Suspend choices, "N" by default); the console
# host reads the answers from redirected stdin and echoes them, `?` lists the choices' help
# (ConsoleHostUserInterface.PromptForChoice, CommandBaseStrings); Enter takes the default.
printf '?\ny\n' | teamsh -NoProfile -Command 'Set-PSRepository PSGallery -InstallationPolicy Untrusted; Update-Module MicrosoftTeams; (Get-InstalledModule MicrosoftTeams).Version'
printf '\n' | teamsh -NoProfile -Command 'Set-PSRepository PSGallery -InstallationPolicy Untrusted; Update-Module MicrosoftTeams; (Get-InstalledModule MicrosoftTeams).Version'
