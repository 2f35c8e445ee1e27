-- One row per accepted article. article_id is stable: a hash of the source key
-- (inbox-relative path, plus '#L<n>' for line n of a JSONL file), so a changed file replaces its rows.
CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR PRIMARY KEY, -- first 16 hex digits of sha256 of the source key (inbox-relative path, '#L<n>' for a JSONL line)
    source_path       VARCHAR NOT NULL,   -- the source key: inbox-relative POSIX path, plus '#L<n>' for line n of a JSONL file
    source_format     VARCHAR NOT NULL,   -- txt | html | json | jsonl (a .gz keeps the inner format)
    content_sha256    VARCHAR NOT NULL,   -- of the raw record's bytes
    title             VARCHAR,            -- the headline, NULL if none was found
    author            VARCHAR,            -- byline, NULL if none
    published_at      TIMESTAMP,          -- publication time in UTC, NULL if undated
    site              VARCHAR,            -- publisher's site, NULL if unknown
    url               VARCHAR,            -- the article's URL, NULL if unknown
    language          VARCHAR,            -- ISO 639-1 code of the body's language
    body              VARCHAR NOT NULL,   -- cleaned body; paragraphs joined by a blank line
    word_count        INTEGER NOT NULL,   -- words in body (whitespace-separated; a Chinese or Japanese character counts as a word)
    ingested_at       TIMESTAMP NOT NULL, -- when this version of the input was cleaned (UTC)
    is_deleted        BOOLEAN NOT NULL DEFAULT FALSE, -- its input left the inbox; the article and its child rows are kept
    source_removed_at TIMESTAMP,          -- when the load that found its input gone ran (UTC)
    story_id          VARCHAR             -- its story (stories.story_id)
);
