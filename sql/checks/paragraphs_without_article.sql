-- Paragraphs whose article is not in the warehouse.
SELECT p.article_id, p.paragraph_index, left(p.text, 80) AS text
FROM paragraphs p
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = p.article_id)
