-- Question: when, and where, was each entity in the news?
-- Mentions per entity per publication day (the UTC day, as articles.published_at is UTC) per
-- site. Articles without a date or site keep a NULL day / site rather than disappearing.
CREATE OR REPLACE VIEW v_entity_timeline AS
SELECT m.entity_id, e.name, e.label,
       CAST(a.published_at AS DATE) AS day,
       a.site,
       count(*)                     AS mentions,
       count(DISTINCT a.article_id) AS articles
  FROM entity_mentions m
  JOIN articles a USING (article_id)
  JOIN entities e USING (entity_id)
 WHERE NOT a.is_deleted
 GROUP BY ALL;
