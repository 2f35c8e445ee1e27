-- Report: the 15 entities most mentioned in live articles (entities.mention_count also counts
-- the mentions of deleted articles).
SELECT e.name, e.label, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
  FROM entities e
  JOIN entity_mentions m USING (entity_id)
  JOIN articles a USING (article_id)
 WHERE NOT a.is_deleted
 GROUP BY e.entity_id, e.name, e.label
 ORDER BY mentions DESC, e.name
 LIMIT 15;
