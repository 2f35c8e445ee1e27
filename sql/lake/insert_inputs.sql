-- Inputs that did not become articles, their source keys prefixed with the shard.
INSERT INTO quarantine BY NAME
SELECT q.* REPLACE ($shard || '/' || q.source_path AS source_path) FROM shard.quarantine q;
INSERT INTO duplicates BY NAME
SELECT d.* REPLACE ($shard || '/' || d.source_path AS source_path,
                    coalesce(m.article_id, d.duplicate_of) AS duplicate_of)
FROM shard.duplicates d LEFT JOIN shard_ids m ON d.duplicate_of = m.shard_article_id;
