# Evidence: about_Pwsh and CommandLineParameterParser at v7.6.5: -ExecutionPolicy (and -ex, -ep)
# takes Bypass, RemoteSigned, … in any case; -Login (-l), -Interactive (-i), -NoLogo (-nol),
# -NoProfile (-nop) are accepted in any order and with one or two dashes or a slash; an
# existing -SettingsFile is accepted; the last -NonInteractive/-Interactive wins.
teamsh -ExecutionPolicy Bypass -Command '"bypass"'; echo "exit $?"
teamsh -ep remotesigned -nop -c '"remotesigned"'; echo "exit $?"
teamsh -ex UNRESTRICTED --NoLogo /NoProfile -c '"slash and dashes"'; echo "exit $?"
teamsh -Login -NoProfile -c '"login"'; echo "exit $?"
echo '{}' > settings.json
teamsh -SettingsFile ./settings.json -c '"settings"'; echo "exit $?"
teamsh -NonInteractive -Interactive -c '"interactive wins"'; echo "exit $?"
