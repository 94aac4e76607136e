# Evidence: about_Functions (Positional parameters / $args, [switch] parameters, Piping
# objects to functions: process block, $MyInvocation.ExpectingInput, $input in begin/end,
# $input emptied by process) — the outputs are shown there.
function Get-Extension {
  $name = $args[0] + ".txt"
  $name
}
Get-Extension myTextFile
function Switch-Item {
  param ([switch]$On)
  if ($On) { "Switch on" }
  else { "Switch off" }
}
Switch-Item -On
Switch-Item
Switch-Item -On:$true
Switch-Item -On:$false
function Add-Numbers([int]$One, [int]$Two) {
    $One + $Two
}
Add-Numbers 2 '40'
function Get-Pipeline
{
  process {"The value is: $_"}
}
1, 2, 4 | Get-Pipeline
function Get-SumOfNumbers {
    param (
        [int[]]$Numbers
    )
    begin { $retValue = 0 }
    process {
        if ($MyInvocation.ExpectingInput) {
           "Pipeline input: $_"
           $retValue += $_
        } else {
           foreach ($n in $Numbers) {
               "Command line input: $n"
               $retValue += $n
           }
        }
    }
    end { "Sum = $retValue" }
}
1,2,3,4 | Get-SumOfNumbers
Get-SumOfNumbers 1,2,3,4
function Get-PipelineBeginEnd {
    begin   { "Begin: The input is $input" }
    end     { "End:   The input is $input" }
}
1, 2, 4 | Get-PipelineBeginEnd
function Get-PipelineInput
{
    process {"Processing:  $_ " }
    end     {"End:   The input is: $input" }
}
1, 2, 4 | Get-PipelineInput
