-- One row per accepted article. article_id is stable: a hash of the source key
-- (inbox-relative path, plus '#<line>' for a JSONL record), so a changed file replaces its rows.
CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR PRIMARY KEY,
    source_path       VARCHAR NOT NULL,
    source_format     VARCHAR NOT NULL,   -- txt | html | json | jsonl (a .gz keeps the inner format)
    content_sha256    VARCHAR NOT NULL,   -- of the raw record's bytes
    title             VARCHAR,
    author            VARCHAR,
    published_at      TIMESTAMP,
    site              VARCHAR,
    url               VARCHAR,
    language          VARCHAR,
    body              VARCHAR NOT NULL,   -- cleaned body; paragraphs joined by a blank line
    word_count        INTEGER NOT NULL,
    ingested_at       TIMESTAMP NOT NULL,
    is_deleted        BOOLEAN NOT NULL DEFAULT FALSE,
    source_removed_at TIMESTAMP,
    story_id          VARCHAR
);
