# Evidence: ScriptHelp.Tests.ps1 at v7.6.5 ('get-help missingHelp': a block more than one blank
# line above the function is not its help, and such a function's Synopsis is its syntax;
# helpFunc2: one blank line is fine; helpFunc10: a '###' banner around the block; helpFunc3 and
# helpFunc4: help inside the body, an empty .Synopsis; helpFunc12: help at the end of the body)
# and HelpCommentsParser.cs (a keyword with text on its own line, or an unknown keyword, makes
# the block no help; the comment block after a parameter describes it).
<#
.SYNOPSIS
Too far from the function below.
#>


function Get-A { param($a) }
"A: [$((Get-Help Get-A).Synopsis.Trim())]"

<#
.SYNOPSIS
One blank line above is fine.
#>

function Get-B { param($b) }
"B: [$((Get-Help Get-B).Synopsis)]"

##########################
# .SYNOPSIS
#    Banner comments work.
##########################
function Get-C { }
"C: [$((Get-Help Get-C).Synopsis)]"

function Get-D {
    #
    # .Synopsis
    #
    #   Inside the body.
    #
    param()
}
"D: [$((Get-Help Get-D).Synopsis)]"

function Get-E {
    "code first"
    <#
    .DESCRIPTION
    At the end of the body.
    .SYNOPSIS
    #>
}
"E: [$((Get-Help Get-E).Synopsis)] [$((Get-Help Get-E).Description[0].Text)]"

<#
.SYNOPSIS Text on the keyword's line
#>
function Get-F { param($f) }
"F: [$((Get-Help Get-F).Synopsis.Trim())]"

<#
.SYNOPSIS
Has an unknown keyword.
.AUTHOR
Me
#>
function Get-G { }
"G: [$((Get-Help Get-G).Synopsis.Trim())]"

function Get-H {
    # .SYNOPSIS
    #   Parameter comments.
    param(
        # The first one.
        $First,
        [int]
        # The second one.
        $Second,
        $Third  # The third one.
    )
}
(Get-Help Get-H).parameters.parameter | ForEach-Object { '{0}: {1}' -f $_.name, $_.description[0].Text }
