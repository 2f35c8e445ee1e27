-- Figures whose paragraph is missing, or whose offsets do not select `text` in it.
SELECT f.figure_id, f.article_id, f.paragraph_index, f.char_start, f.char_end, f.text,
       substring(p.text, f.char_start + 1, f.char_end - f.char_start) AS text_at_offsets
FROM figures f
LEFT JOIN paragraphs p USING (article_id, paragraph_index)
WHERE p.text IS NULL
   OR f.char_end > length(p.text)
   OR substring(p.text, f.char_start + 1, f.char_end - f.char_start) IS DISTINCT FROM f.text
