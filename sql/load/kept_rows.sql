-- Rows of a child table that this run keeps: those of articles it does not replace.
-- {table} is substituted by the caller from a fixed list of table names.
SELECT * FROM {table} WHERE article_id NOT IN (SELECT article_id FROM replaced_ids)
