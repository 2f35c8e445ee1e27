-- Report: data-quality check results of the most recent run that recorded any.
-- severity in the words of the suites and the README: an ERROR check blocks, a WARN one warns
SELECT asset, check_name,
       CASE severity WHEN 'error' THEN 'blocking' WHEN 'warn' THEN 'warning' ELSE severity END AS severity,
       passed, observed, failing_rows
  FROM quality_results
 WHERE run_id = (SELECT run_id FROM quality_results ORDER BY checked_at DESC LIMIT 1)
 ORDER BY passed, asset, check_name;
