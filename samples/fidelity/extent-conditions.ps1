# Evidence: pwsh's Compiler.cs at v7.6.5 gives each condition its own sequence point
# (UpdatePosition(clause.Item1) for if/elseif, UpdatePositionForInitializerOrCondition for
# for/while/do, stmt.Condition for foreach and switch), so an error there underlines only the
# condition, not the whole statement; oracle cmdlets/should-process-confirm-noninteractive shows
# an if condition underlined alone.
$zero = 0
if (1 / $zero) { 'then' }
if ($false) { 'no' } elseif ($null.Trim()) { 'no' } else { 'else ran' }
while ([int]'w') { 'never' }
for ($i = 0; $i -lt $null.Length(); $i++) { 'never' }
foreach ($item in [int]'f') { 'never' }
switch ([int]'s') { default { 'never' } }
do { 'do body ran' } until ($null.Foo())
'done'
