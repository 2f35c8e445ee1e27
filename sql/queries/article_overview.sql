-- How big is each article, and what did the pipeline find in it?
SELECT source_path, left(coalesce(title, ''), 50) AS title, word_count, paragraphs,
       entities, figures, boilerplate_lines
  FROM v_article_overview
 ORDER BY source_path;
