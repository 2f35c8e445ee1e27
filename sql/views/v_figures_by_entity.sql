-- Question: which numbers are said about an entity?
-- Every figure paired with each entity mentioned in the same paragraph (a figure in a paragraph
-- naming three entities appears three times), with the paragraph text for context.
CREATE OR REPLACE VIEW v_figures_by_entity AS
WITH in_paragraph AS (
    SELECT DISTINCT article_id, paragraph_index, entity_id FROM entity_mentions
)
SELECT e.entity_id, e.name AS entity_name, e.label AS entity_label,
       f.figure_id, f.kind, f.text AS figure_text, f.value, f.value_high, f.unit, f.currency,
       f.qualifier, f.subject, f.iso_date,
       f.article_id, f.paragraph_index, a.title, a.source_path, p.text AS paragraph_text
  FROM figures f
  JOIN in_paragraph ip USING (article_id, paragraph_index)
  JOIN entities e USING (entity_id)
  JOIN articles a ON a.article_id = f.article_id
  JOIN paragraphs p ON p.article_id = f.article_id AND p.paragraph_index = f.paragraph_index
 WHERE NOT a.is_deleted;
