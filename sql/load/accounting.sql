-- The accounting invariant: every input of the run (file, or JSONL line; `seen_keys`) ends as
-- exactly one of a live article, a duplicate record or a quarantine row, and nothing live is
-- recorded for a key that is not an input. Returns the keys that break it (none when it holds).
SELECT source_path,
       count(kind)                                  AS outcomes,
       coalesce(string_agg(kind, ',' ORDER BY kind), '') AS kinds,
       bool_or(is_input)                            AS is_input
  FROM (
        SELECT source_path, NULL::VARCHAR AS kind, TRUE AS is_input FROM seen_keys
        UNION ALL
        SELECT source_path, 'article', FALSE FROM articles WHERE NOT is_deleted
        UNION ALL
        SELECT source_path, 'duplicate', FALSE FROM duplicates
        UNION ALL
        SELECT source_path, 'quarantine', FALSE FROM quarantine
       )
 GROUP BY source_path
HAVING count(kind) <> 1 OR NOT bool_or(is_input)
 ORDER BY source_path
