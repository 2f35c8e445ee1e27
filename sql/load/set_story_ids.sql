-- Point every article at its story; `story_ids` (article_id, story_id) is registered by the load.
UPDATE articles
   SET story_id = s.story_id
  FROM (SELECT a.article_id, m.story_id FROM articles a LEFT JOIN story_ids m USING (article_id)) s
 WHERE articles.article_id = s.article_id AND articles.story_id IS DISTINCT FROM s.story_id;
