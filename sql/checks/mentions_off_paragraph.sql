-- Entity mentions whose paragraph is missing, or whose offsets do not select `text` in it
-- (char offsets are 0-based and end-exclusive; DuckDB's substring is 1-based).
SELECT m.article_id, m.paragraph_index, m.char_start, m.char_end, m.text,
       substring(p.text, m.char_start + 1, m.char_end - m.char_start) AS text_at_offsets
FROM entity_mentions m
LEFT JOIN paragraphs p USING (article_id, paragraph_index)
WHERE p.text IS NULL
   OR m.char_end > length(p.text)
   OR substring(p.text, m.char_start + 1, m.char_end - m.char_start) IS DISTINCT FROM m.text
