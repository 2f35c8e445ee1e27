-- What the warehouse already holds per source key, for incremental ingest.
SELECT source_path, content_sha256, article_id, 'article' AS kind FROM articles WHERE NOT is_deleted
UNION ALL
SELECT source_path, content_sha256, duplicate_of AS article_id, 'duplicate' AS kind FROM duplicates
UNION ALL
SELECT source_path, content_sha256, NULL AS article_id, 'quarantine' AS kind FROM quarantine
