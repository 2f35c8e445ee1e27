-- What did cleaning remove? Lines and characters removed per reason code, most lines first.
SELECT reason,
       CAST(sum(lines_removed) AS BIGINT) AS lines_removed,
       CAST(sum(chars_removed) AS BIGINT) AS chars_removed,
       max(articles)      AS most_articles_in_one_site
  FROM v_boilerplate_by_site
 GROUP BY reason
 ORDER BY lines_removed DESC, reason;
