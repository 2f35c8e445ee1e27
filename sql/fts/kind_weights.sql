-- Ranking weight per paragraph kind. BM25's length normalization over-rewards very short
-- documents, so a heading or a one-line list item that merely contains the words would outrank
-- the body paragraph that discusses them; they count half.
CREATE OR REPLACE TABLE search.kind_weights AS
SELECT * FROM (VALUES ('paragraph', 1.0), ('heading', 0.5), ('list_item', 0.5)) AS t(kind, weight);
