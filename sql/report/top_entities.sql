-- Report: the 15 most-mentioned entities.
SELECT name, label, mention_count AS mentions, article_count AS articles
  FROM entities
 ORDER BY mention_count DESC, name
 LIMIT 15;
