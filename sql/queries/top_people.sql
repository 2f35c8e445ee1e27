-- Who is mentioned most? The 10 people with the most mentions in live articles, with how many
-- articles name them and the ways they were written. Counted from entity_mentions, not from
-- entities.mention_count, which also counts the mentions of deleted articles (kept with
-- articles.is_deleted).
WITH live AS (
    SELECT m.entity_id, m.text AS alias, m.article_id
      FROM entity_mentions m JOIN articles a USING (article_id)
     WHERE NOT a.is_deleted
), forms AS (
    SELECT entity_id, alias, count(*) AS mentions FROM live GROUP BY entity_id, alias
)
SELECT e.name,
       count(*)                     AS mentions,
       count(DISTINCT l.article_id) AS articles,
       (SELECT string_agg(f.alias, ' / ' ORDER BY f.mentions DESC, f.alias)
          FROM forms f WHERE f.entity_id = e.entity_id) AS written_as
  FROM entities e
  JOIN live l USING (entity_id)
 WHERE e.label = 'PERSON'
 GROUP BY e.entity_id, e.name
 ORDER BY mentions DESC, e.name
 LIMIT 10;
