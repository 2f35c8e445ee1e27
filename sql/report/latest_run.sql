-- Report: the most recent load.
SELECT run_id, date_trunc('second', started_at) AS started_at,  -- whole seconds: a reader's table, not a log
       date_trunc('second', finished_at) AS finished_at, inbox, files_seen, articles_loaded, articles_unchanged,
       articles_deleted, quarantined, duplicates
  FROM runs
 ORDER BY finished_at DESC
 LIMIT 1;
