-- Every rejected input (file, or JSONL line as '<path>#L<n>') with a reason code.
CREATE TABLE IF NOT EXISTS quarantine (
    source_path    VARCHAR PRIMARY KEY,   -- the input's source key (inbox-relative path, '#L<n>' for a JSONL line)
    content_sha256 VARCHAR,               -- of the input's bytes; NULL if it could not be read
    reason         VARCHAR NOT NULL,      -- reason code (docs/operations.md)
    detail         VARCHAR,               -- what exactly was wrong, for a person
    seen_at        TIMESTAMP NOT NULL     -- when the run that rejected it saw it (UTC)
);
