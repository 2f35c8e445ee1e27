-- Which SQL built the views and the search index: the fingerprint of sql/views/ and sql/fts/
-- (pipelines.warehouse.derived_sql_fingerprint). A later version whose SQL differs finds another
-- fingerprint here, so its first run rebuilds them even over an unchanged inbox.
COMMENT ON TABLE search.paragraph_docs IS '{fingerprint}';
