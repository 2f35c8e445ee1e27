-- Which paragraphs talk about drone strikes? Full-text (BM25) search through the
-- search_paragraphs(query, n) macro that every load builds. Change the query string to search
-- for something else. From the DuckDB CLI, `LOAD fts;` first if autoloading is off.
SELECT score, source_path, paragraph_index, left(coalesce(title, ''), 30) AS title, left(text, 70) AS text
  FROM search_paragraphs('drone strike', 10);
