-- Question: what does the cleaner remove, and from which sites?
-- Removed lines and characters per site and reason code; articles without a site are grouped
-- under '(unknown)' so they still count.
CREATE OR REPLACE VIEW v_boilerplate_by_site AS
SELECT coalesce(a.site, '(unknown)')  AS site,
       b.reason,
       count(*)                       AS lines_removed,
       CAST(sum(length(b.text)) AS BIGINT) AS chars_removed,
       count(DISTINCT b.article_id)   AS articles
  FROM boilerplate b
  JOIN articles a USING (article_id)
 WHERE NOT a.is_deleted
 GROUP BY ALL;
