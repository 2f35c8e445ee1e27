-- Question: where do the articles of one story disagree about a figure?
-- One row per pair of reports of a conflicting claim (figure_claims) from two articles that
-- differ in value, range or qualifier, with the figure and the sentence each said it in (an
-- article that reports the figure twice pairs each of its reports with the other article's).
CREATE OR REPLACE VIEW v_figure_conflicts AS
WITH reports AS (
    SELECT c.claim_id, c.story_id, c.kind, c.unit, c.subject, f.article_id, a.site, f.text AS figure,
           f.value, f.value_high, f.qualifier,
           regexp_replace(substr(p.text, 1, f.char_start), '^.*[.!?]\s+', '')
             || regexp_extract(substr(p.text, f.char_start + 1), '^.*?(?:[.!?](?:\s|$)|$)') AS sentence
      FROM (SELECT *, unnest(figure_ids) AS figure_id FROM figure_claims WHERE agreement = 'conflicting') c
      JOIN figures f USING (figure_id)
      JOIN paragraphs p USING (article_id, paragraph_index)
      JOIN articles a USING (article_id)
)
SELECT x.claim_id, x.story_id, x.kind, x.unit, x.subject,
       x.article_id AS article_id_a, x.site AS site_a, x.figure AS figure_a, x.sentence AS sentence_a,
       y.article_id AS article_id_b, y.site AS site_b, y.figure AS figure_b, y.sentence AS sentence_b
  FROM reports x
  JOIN reports y ON x.claim_id = y.claim_id AND x.article_id < y.article_id
 WHERE x.value IS DISTINCT FROM y.value OR x.value_high IS DISTINCT FROM y.value_high
    OR x.qualifier IS DISTINCT FROM y.qualifier
 ORDER BY x.claim_id, x.article_id, y.article_id;
