-- Entity mentions whose entity_id is not in entities.
SELECT m.article_id, m.paragraph_index, m.char_start, m.text, m.entity_id
FROM entity_mentions m
WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = m.entity_id)
