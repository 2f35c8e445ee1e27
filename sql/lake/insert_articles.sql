-- The shard's articles with lake-wide source keys and ids (story ids are per shard: dropped).
INSERT INTO articles BY NAME
SELECT a.* REPLACE (m.article_id AS article_id, m.source_path AS source_path, NULL AS story_id)
FROM shard.articles a JOIN shard_ids m ON a.article_id = m.shard_article_id;
