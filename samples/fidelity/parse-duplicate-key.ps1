# Evidence: pwsh's SemanticChecks.VisitHashtable (SemanticChecks.cs at v7.6.5) reports two
# constant keys that are equal ignoring case as a parse error at the second key
# (ParserStrings.DuplicateKeyInHashLiteral), so the script runs nothing (oracle parse area: a
# file with a parse error prints ParserError with the line block and exits 1).
'never printed'
$settings = @{
    Name = 'one'
    name = 'two'
}
