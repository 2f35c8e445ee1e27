-- What did cleaning remove? Lines and characters removed per reason code, and from how many
-- articles, most lines first. (An article has one site, so its per-site counts add up.)
SELECT reason,
       CAST(sum(lines_removed) AS BIGINT) AS lines_removed,
       CAST(sum(chars_removed) AS BIGINT) AS chars_removed,
       CAST(sum(articles) AS BIGINT)      AS articles
  FROM v_boilerplate_by_site
 GROUP BY reason
 ORDER BY lines_removed DESC, reason;
