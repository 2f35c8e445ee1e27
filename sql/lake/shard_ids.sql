-- A shard's article ids -> the ids the unpartitioned pipeline gives the same files: the hash of the
-- inbox-relative source key, which for a shard is '<shard>/<key inside the shard>'.
CREATE OR REPLACE TEMP TABLE shard_ids AS
SELECT article_id AS shard_article_id,
       $shard || '/' || source_path AS source_path,
       substr(sha256($shard || '/' || source_path), 1, 16) AS article_id
FROM shard.articles;
