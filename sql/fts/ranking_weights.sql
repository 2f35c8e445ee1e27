-- Ranking weights, kept as data. Per paragraph kind: BM25's length normalization over-rewards
-- very short documents, so a heading or a one-line list item that merely contains the words
-- would outrank the body paragraph that discusses them; they count half.
CREATE OR REPLACE TABLE search.kind_weights AS
SELECT * FROM (VALUES ('paragraph', 1.0), ('heading', 0.5), ('list_item', 0.5)) AS t(kind, weight);

-- title_weight: how much a match in the article's title adds, relative to one in the paragraph.
-- phrase_boost: factor for paragraphs holding the query's words adjacent and in order.
CREATE OR REPLACE TABLE search.ranking AS
SELECT 0.5 AS title_weight, 2.0 AS phrase_boost;
