-- search_word_prefix(w): the part of a word its Porter stem keeps as written: "strikes" -> strike,
-- "military" -> militar (its stem "militari" is no prefix of the word), "policy" -> polic.
CREATE OR REPLACE MACRO search_word_prefix(w) AS
    left(w, list_max(list_filter(range(length(w) + 1), i -> left(w, i) = left(stem(w, 'porter'), i))));

-- search_phrase_pattern(q): a regex that matches the query's words adjacent and in order, each
-- word by that prefix ("military pressure" -> '\bmilitar\w*\W+pressur\w*'), so inflections count.
CREATE OR REPLACE MACRO search_phrase_pattern(q) AS
    '\b' || array_to_string(
        list_transform(list_filter(regexp_split_to_array(lower(q), '[^a-z0-9]+'), w -> w <> ''),
                       w -> search_word_prefix(w) || '\w*'),
        '\W+');

-- search_paragraphs(q, n): the n paragraphs whose text matches q, best first.
-- score = (BM25 of the paragraph text + title_weight x BM25 of its article's title)
--         x the paragraph kind's weight x phrase_boost when the words appear as a phrase.
-- Weights: sql/fts/ranking_weights.sql. Needs the fts extension loaded (`LOAD fts;`).
CREATE OR REPLACE MACRO search_paragraphs(q, n) AS TABLE
WITH text_hits AS (
    SELECT d.*, fts_search_paragraph_docs.match_bm25(d.doc_id, q, fields := 'text') AS text_bm25
      FROM search.paragraph_docs d
), scored AS (  -- titles are scored only for paragraphs whose text matched
    SELECT *, fts_search_paragraph_docs.match_bm25(doc_id, q, fields := 'title') AS title_bm25
      FROM text_hits
     WHERE text_bm25 IS NOT NULL
)
SELECT s.article_id, s.source_path, nullif(s.title, '') AS title, s.site,  -- '' indexed for BM25; NULL as in articles
       s.paragraph_index, s.text,
       round((s.text_bm25 + r.title_weight * coalesce(s.title_bm25, 0)) * coalesce(w.weight, 1.0)
             * CASE WHEN regexp_matches(lower(s.text), search_phrase_pattern(q)) THEN r.phrase_boost ELSE 1.0 END,
             4) AS score
  FROM scored s
  CROSS JOIN search.ranking r
  LEFT JOIN search.kind_weights w USING (kind)
 ORDER BY score DESC, s.source_path, s.paragraph_index
 LIMIT n;
