-- Entities whose mention_count differs from the mentions the warehouse holds for them.
SELECT e.entity_id, e.name, e.mention_count, count(m.entity_id) AS mentions_held
FROM entities e
LEFT JOIN entity_mentions m USING (entity_id)
GROUP BY e.entity_id, e.name, e.mention_count
HAVING count(m.entity_id) <> e.mention_count
