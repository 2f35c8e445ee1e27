-- The fingerprint stamp_derived_sql.sql left (no row: no search index yet).
SELECT comment FROM duckdb_tables() WHERE schema_name = 'search' AND table_name = 'paragraph_docs';
