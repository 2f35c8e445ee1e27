-- Live articles with no body paragraph.
SELECT a.article_id, a.source_path, a.word_count
FROM articles a
WHERE NOT a.is_deleted
  AND NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.article_id = a.article_id)
