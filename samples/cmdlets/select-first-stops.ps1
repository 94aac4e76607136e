$log = [System.Collections.Generic.List[int]]::new()
1..100 | ForEach-Object { $null = $log.Add($_); $_ } | Select-Object -First 2
$log.Count
