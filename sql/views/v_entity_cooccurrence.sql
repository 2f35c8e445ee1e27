-- Question: which entities are talked about together?
-- One row per unordered pair of entities mentioned in the same paragraph (entity_a < entity_b
-- by id), with how many paragraphs and articles they share.
CREATE OR REPLACE VIEW v_entity_cooccurrence AS
WITH in_paragraph AS (
    SELECT DISTINCT m.article_id, m.paragraph_index, m.entity_id
      FROM entity_mentions m JOIN articles a USING (article_id)
     WHERE NOT a.is_deleted
)
SELECT x.entity_id AS entity_a, ea.name AS name_a, ea.label AS label_a,
       y.entity_id AS entity_b, eb.name AS name_b, eb.label AS label_b,
       count(*)                     AS paragraphs,
       count(DISTINCT x.article_id) AS articles
  FROM in_paragraph x
  JOIN in_paragraph y
    ON x.article_id = y.article_id AND x.paragraph_index = y.paragraph_index AND x.entity_id < y.entity_id
  JOIN entities ea ON ea.entity_id = x.entity_id
  JOIN entities eb ON eb.entity_id = y.entity_id
 GROUP BY ALL;
