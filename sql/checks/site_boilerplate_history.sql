-- Per loaded article: its site, lines the cleaner removed and body paragraphs kept (the baseline
-- for the per-site boilerplate rate check).
WITH removed AS (SELECT article_id, count(*) AS removed FROM boilerplate GROUP BY article_id),
     kept AS (SELECT article_id, count(*) AS kept FROM paragraphs GROUP BY article_id)
SELECT a.article_id, a.site, coalesce(r.removed, 0)::BIGINT AS removed, coalesce(k.kept, 0)::BIGINT AS kept
FROM articles a
LEFT JOIN removed r USING (article_id)
LEFT JOIN kept k USING (article_id)
WHERE NOT a.is_deleted
