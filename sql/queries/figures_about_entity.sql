-- What numbers are reported next to Vladimir Putin? Figures in paragraphs that mention him;
-- change the name to ask about someone else.
SELECT kind, figure_text, value, unit, currency, subject, source_path, paragraph_index
  FROM v_figures_by_entity
 WHERE entity_name = 'Vladimir Putin'
 ORDER BY source_path, paragraph_index, figure_text;
