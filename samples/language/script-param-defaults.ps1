# Evidence: oracle cli/file-params (pwsh -File params.ps1 -Name Jay -Times 3 extra1 extra2:
# the named values bind, the rest go to $args) and cli/file-positional (values bind by
# position in declaration order), oracle
# language/script-params (defaults when nothing is passed), language/functions-more (a default
# computed from an earlier parameter; [switch] off when absent), about_Scripts (script
# parameters are declared with param() at the top and passed after the path),
# about_Automatic_Variables ($PSBoundParameters holds only the passed parameters).
# Run with the arguments of script-param-defaults.args: Jay -Times 3 (Jay binds by position
# to $Name, the first positional parameter, as cli/file-positional binds Pos 7).
param(
  [string]$Name = 'default-name',
  [int]$Times = 2,
  [string]$Label = "$Name-label",
  [switch]$Loud
)
"$Name x $Times"
$Times.GetType().Name
$Label
"Loud=$Loud"
"args=$($args.Count): $($args -join ',')"
($PSBoundParameters.Keys | Sort-Object) -join ','
$PSBoundParameters['Times']
