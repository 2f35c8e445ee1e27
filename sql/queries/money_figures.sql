-- What sums of money are reported? Every money figure, largest first, with its currency,
-- qualifier, subject and the article it comes from. A figure that converts another
-- ("€5 billion (£4.2 billion)") names it in converted_from: the same sum, not a second one.
SELECT f.text         AS figure,
       f.value,
       f.currency,
       f.qualifier,
       f.subject,
       c.text         AS converted_from,
       left(coalesce(a.title, a.source_path), 45) AS article
  FROM figures f
  JOIN articles a USING (article_id)
  LEFT JOIN figures c ON c.figure_id = f.converted_from_figure_id
 WHERE f.kind = 'money' AND NOT a.is_deleted
 ORDER BY f.value DESC NULLS LAST, f.text;
