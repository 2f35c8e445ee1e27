-- Report: how many live articles each story groups (articles.story_id, set by story linking).
-- Articles not linked to any story are left out; an empty result means no story links yet.
SELECT story_id AS story,
       count(*) AS articles,
       min(coalesce(title, source_path)) AS example_article
  FROM articles
 WHERE NOT is_deleted AND story_id IS NOT NULL
 GROUP BY story_id
 ORDER BY articles DESC, story
 LIMIT 30;
