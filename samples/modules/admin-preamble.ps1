# The preamble admin scripts start with: install a new enough MicrosoftTeams when needed.
if (-not (Get-InstalledModule MicrosoftTeams -MinimumVersion 2.6.0 -ErrorAction SilentlyContinue)) {
    Install-Module MicrosoftTeams -Force -AllowClobber
}
((Get-InstalledModule MicrosoftTeams -AllVersions).Version | Sort-Object) -join ', '
# A second run finds it installed and does nothing.
if (-not (Get-InstalledModule MicrosoftTeams -MinimumVersion 2.6.0 -ErrorAction SilentlyContinue)) {
    Install-Module MicrosoftTeams -Force -AllowClobber
}
((Get-InstalledModule MicrosoftTeams -AllVersions).Version | Sort-Object) -join ', '
