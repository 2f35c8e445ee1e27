-- An input whose content is byte-identical to an accepted article: kept once, recorded here.
CREATE TABLE IF NOT EXISTS duplicates (
    source_path    VARCHAR PRIMARY KEY,    -- the input's source key
    content_sha256 VARCHAR NOT NULL,       -- of the input's bytes, equal to the kept article's
    duplicate_of   VARCHAR NOT NULL,       -- article_id of the article kept
    seen_at        TIMESTAMP NOT NULL      -- when the run that found it saw it (UTC)
);
