-- What sums of money are reported? Every money figure, largest first, with its currency,
-- qualifier, subject and the article it comes from.
SELECT f.text         AS figure,
       f.value,
       f.currency,
       f.qualifier,
       f.subject,
       left(coalesce(a.title, a.source_path), 45) AS article
  FROM figures f
  JOIN articles a USING (article_id)
 WHERE f.kind = 'money' AND NOT a.is_deleted
 ORDER BY f.value DESC NULLS LAST, f.text;
