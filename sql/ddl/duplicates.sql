-- An input whose content is byte-identical to an accepted article: kept once, recorded here.
CREATE TABLE IF NOT EXISTS duplicates (
    source_path    VARCHAR PRIMARY KEY,
    content_sha256 VARCHAR NOT NULL,
    duplicate_of   VARCHAR NOT NULL,       -- article_id of the article kept
    seen_at        TIMESTAMP NOT NULL
);
