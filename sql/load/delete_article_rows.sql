-- Remove every row that belongs to the articles being replaced (changed, re-quarantined, or now duplicates),
-- so a changed input never leaves stale paragraphs, mentions or figures behind.
DELETE FROM paragraphs      WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM boilerplate     WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM entity_mentions WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM figures         WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM articles        WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM quarantine      WHERE source_path IN (SELECT source_path FROM touched_keys);
DELETE FROM duplicates      WHERE source_path IN (SELECT source_path FROM touched_keys);
