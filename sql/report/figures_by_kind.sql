-- Report: how many figures of each kind the live articles hold.
SELECT f.kind, count(*) AS figures
  FROM figures f JOIN articles a USING (article_id)
 WHERE NOT a.is_deleted
 GROUP BY f.kind
 ORDER BY figures DESC, f.kind;
