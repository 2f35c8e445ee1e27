-- Everything an earlier merge of this shard left in the lake, children before articles.
DELETE FROM paragraphs      WHERE article_id IN (SELECT article_id FROM articles WHERE starts_with(source_path, $shard || '/'));
DELETE FROM boilerplate     WHERE article_id IN (SELECT article_id FROM articles WHERE starts_with(source_path, $shard || '/'));
DELETE FROM entity_mentions WHERE article_id IN (SELECT article_id FROM articles WHERE starts_with(source_path, $shard || '/'));
DELETE FROM figures         WHERE article_id IN (SELECT article_id FROM articles WHERE starts_with(source_path, $shard || '/'));
DELETE FROM articles        WHERE starts_with(source_path, $shard || '/');
DELETE FROM quarantine      WHERE starts_with(source_path, $shard || '/');
DELETE FROM duplicates      WHERE starts_with(source_path, $shard || '/');
