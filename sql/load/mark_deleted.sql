-- Inputs gone from the inbox: their articles stay (history is not lost) but are marked;
-- quarantine and duplicate records describe the current inbox only.
UPDATE articles
   SET is_deleted = TRUE, source_removed_at = now() AT TIME ZONE 'UTC'  -- UTC like every timestamp, whatever the session's zone
 WHERE NOT is_deleted AND source_path NOT IN (SELECT source_path FROM seen_keys);
DELETE FROM quarantine WHERE source_path NOT IN (SELECT source_path FROM seen_keys);
DELETE FROM duplicates WHERE source_path NOT IN (SELECT source_path FROM seen_keys);
