-- Who appears together with whom? The 15 pairs of people / organizations / places named in
-- the same paragraph most often.
SELECT name_a, name_b, paragraphs, articles
  FROM v_entity_cooccurrence
 WHERE label_a IN ('PERSON', 'ORG', 'GPE') AND label_b IN ('PERSON', 'ORG', 'GPE')
 ORDER BY paragraphs DESC, name_a, name_b
 LIMIT 15;
