-- Report: the 30 largest stories (groups of linked articles) by live articles, labelled by title
-- (cut to fit the chart's labels) and the start of the story id, which tells same-titled stories apart.
SELECT left(coalesce(s.title, a.story_id), 45) || ' (' || a.story_id[7:12] || ')' AS story,
       count(*) AS articles,
       min(coalesce(a.title, a.source_path)) AS example_article
  FROM articles a
  LEFT JOIN stories s USING (story_id)
 WHERE NOT a.is_deleted AND a.story_id IS NOT NULL
 GROUP BY ALL
 ORDER BY articles DESC, story
 LIMIT 30;
