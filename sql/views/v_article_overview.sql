-- Question: for each article, how much did the pipeline keep and find?
-- One row per live article: its paragraphs, entity mentions, distinct entities, figures,
-- and how many lines the cleaner removed as boilerplate.
CREATE OR REPLACE VIEW v_article_overview AS
WITH para AS (
    SELECT article_id, count(*) AS paragraphs FROM paragraphs GROUP BY article_id
), ment AS (
    SELECT article_id, count(*) AS entity_mentions, count(DISTINCT entity_id) AS entities
      FROM entity_mentions GROUP BY article_id
), fig AS (
    SELECT article_id, count(*) AS figures FROM figures GROUP BY article_id
), boil AS (
    SELECT article_id, count(*) AS boilerplate_lines FROM boilerplate GROUP BY article_id
)
SELECT a.article_id, a.source_path, a.title, a.site, a.published_at, a.word_count,
       coalesce(para.paragraphs, 0)        AS paragraphs,
       coalesce(ment.entity_mentions, 0)   AS entity_mentions,
       coalesce(ment.entities, 0)          AS entities,
       coalesce(fig.figures, 0)            AS figures,
       coalesce(boil.boilerplate_lines, 0) AS boilerplate_lines
  FROM articles a
  LEFT JOIN para USING (article_id)
  LEFT JOIN ment USING (article_id)
  LEFT JOIN fig  USING (article_id)
  LEFT JOIN boil USING (article_id)
 WHERE NOT a.is_deleted;
