# Evidence: about_Pwsh (-OutputFormat, -o, -of: Text or XML) and pwsh's WrappedSerializer at
# v7.6.5 (a "#< CLIXML" line, then one <Objs> document whose objects carry S="Output", written
# with Serializer's default depth of 1, no indentation); -InputFormat XML reads such a stream
# back as objects for $input (WrappedDeserializer). A value that is not a format is refused
# with BadFormatParameterValue.
teamsh -OutputFormat XML -c '42; "text"; $true; [pscustomobject]@{ Name = "Jay"; Count = 2 }'; echo "exit $?"
teamsh -of xml -c '@{ a = 1 }'; echo "exit $?"
teamsh -of XML -c '[pscustomobject]@{ User = "Jay1"; Enabled = $true }' | teamsh -InputFormat XML -c '$input | ForEach-Object { "$($_.User) enabled: $($_.Enabled)" }'; echo "exit $?"
teamsh -OutputFormat Json -c 1 > /dev/null; echo "exit $?"
