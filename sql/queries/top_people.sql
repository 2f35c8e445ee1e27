-- Who is mentioned most? The 10 people with the most mentions, with how many articles name them
-- and the ways they were written.
SELECT e.name,
       e.mention_count AS mentions,
       e.article_count AS articles,
       string_agg(a.alias, ' / ' ORDER BY a.mention_count DESC, a.alias) AS written_as
  FROM entities e
  JOIN entity_aliases a USING (entity_id)
 WHERE e.label = 'PERSON'
 GROUP BY ALL
 ORDER BY mentions DESC, e.name
 LIMIT 10;
