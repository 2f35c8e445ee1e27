-- search_phrase_pattern(q): a regex that matches the query's words adjacent and in order, each
-- word by its Porter stem ("drone strike" -> '\bdrone\w*\W+strike\w*'), so inflections count.
CREATE OR REPLACE MACRO search_phrase_pattern(q) AS
    '\b' || array_to_string(
        list_transform(list_filter(regexp_split_to_array(lower(q), '[^a-z0-9]+'), w -> w <> ''),
                       w -> stem(w, 'porter') || '\w*'),
        '\W+');

-- search_paragraphs(q, n): the n paragraphs that best match q, best first.
-- score = BM25 (paragraph text + article title) x kind weight x 2 when the query's words appear
-- as a phrase. Needs the fts extension loaded (`LOAD fts;`).
CREATE OR REPLACE MACRO search_paragraphs(q, n) AS TABLE
WITH scored AS (
    SELECT d.*, fts_search_paragraph_docs.match_bm25(d.doc_id, q) AS bm25
      FROM search.paragraph_docs d
)
SELECT s.article_id, s.source_path, s.title, s.site, s.paragraph_index, s.text,
       round(s.bm25 * coalesce(w.weight, 1.0)
             * CASE WHEN regexp_matches(lower(s.text), search_phrase_pattern(q)) THEN 2.0 ELSE 1.0 END, 4) AS score
  FROM scored s
  LEFT JOIN search.kind_weights w USING (kind)
 WHERE s.bm25 IS NOT NULL
 ORDER BY score DESC, s.source_path, s.paragraph_index
 LIMIT n;
