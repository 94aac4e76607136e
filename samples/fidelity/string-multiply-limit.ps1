# Evidence: pwsh's StringOps.Multiply (v7.6.5): a negative count is .NET's
# ArgumentOutOfRangeException from ThrowIfNegative ("times ('-1') must be a non-negative value.
# (Parameter 'times')" then "Actual value was -1."); zero or an empty string gives ""; a result
# longer than .NET's largest string (0x3FFFFFDF UTF-16 units) throws OutOfMemoryException; errors
# are reported as OperationStopped with the exception's type name as error id.
('x' * 0).Length
('' * 5).Length
('ab' * 3)
try { 'x' * 2000000000 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { 'ab' * 600000000 } catch { $_.CategoryInfo.Category }
try { 'x' * -1 } catch { $_.FullyQualifiedErrorId }
'x' * 1100000000
'x' * -2
'done'
