-- The documents the full-text index covers: one row per live paragraph, with its article's
-- title (indexed as a second field, so a paragraph of an article whose title matches ranks
-- higher) and site. Rebuilt from scratch on every load, in the load's transaction.
CREATE SCHEMA IF NOT EXISTS search;
CREATE OR REPLACE TABLE search.paragraph_docs AS
SELECT p.article_id || ':' || p.paragraph_index AS doc_id,
       p.article_id, a.source_path, coalesce(a.title, '') AS title, a.site,
       p.paragraph_index, p.kind, p.text
  FROM paragraphs p
  JOIN articles a USING (article_id)
 WHERE NOT a.is_deleted;
