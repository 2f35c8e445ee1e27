-- Report: data-quality check results of the most recent run that recorded any.
SELECT asset, check_name, severity, passed, observed, failing_rows
  FROM quality_results
 WHERE run_id = (SELECT run_id FROM quality_results ORDER BY checked_at DESC LIMIT 1)
 ORDER BY passed, asset, check_name;
