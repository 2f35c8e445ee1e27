-- Live articles whose input is gone from the inbox: the ones mark_deleted is about to mark.
SELECT count(*) FROM articles WHERE NOT is_deleted AND source_path NOT IN (SELECT source_path FROM seen_keys)
