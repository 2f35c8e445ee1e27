-- Which paragraphs talk about drone strikes? Full-text (BM25) search through the
-- search_paragraphs(query, n) macro that every load builds. Change the query string to search
-- for something else. The DuckDB CLI autoloads fts once a newswh command (sql, search, run) has
-- installed it from its pip package into your ~/.duckdb; before that it would try to download it.
SELECT score, source_path, paragraph_index, left(coalesce(title, ''), 30) AS title, left(text, 70) AS text
  FROM search_paragraphs('drone strike', 10);
