-- BM25 index over paragraph text and article title: Porter stemming, English stopwords,
-- accents stripped, lower-cased. Creates the schema fts_search_paragraph_docs.
PRAGMA create_fts_index('search.paragraph_docs', 'doc_id', 'text', 'title',
                        stemmer = 'porter', stopwords = 'english', ignore = '(\.|[^a-z0-9])+',
                        strip_accents = 1, lower = 1, overwrite = 1);
