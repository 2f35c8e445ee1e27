-- Report: the most recent load.
SELECT run_id, started_at, finished_at, inbox, files_seen, articles_loaded, articles_unchanged,
       articles_deleted, quarantined, duplicates
  FROM runs
 ORDER BY finished_at DESC
 LIMIT 1;
