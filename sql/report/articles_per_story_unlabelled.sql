-- Report fallback while the warehouse has no stories table: group by articles.story_id alone.
SELECT story_id AS story,
       count(*) AS articles,
       min(coalesce(title, source_path)) AS example_article
  FROM articles
 WHERE NOT is_deleted AND story_id IS NOT NULL
 GROUP BY story_id
 ORDER BY articles DESC, story
 LIMIT 30;
