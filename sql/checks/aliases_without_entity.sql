-- Entity aliases whose entity_id is not in entities.
SELECT al.entity_id, al.alias
FROM entity_aliases al
WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = al.entity_id)
