-- One article-scoped table of the shard ({table}), its article ids mapped to lake-wide ids.
INSERT INTO {table} BY NAME
SELECT t.* REPLACE (m.article_id AS article_id)
FROM shard.{table} t JOIN shard_ids m ON t.article_id = m.shard_article_id;
