-- Every rejected input (file, or JSONL line as '<path>#<line>') with a reason code.
CREATE TABLE IF NOT EXISTS quarantine (
    source_path    VARCHAR PRIMARY KEY,
    content_sha256 VARCHAR,
    reason         VARCHAR NOT NULL,
    detail         VARCHAR,
    seen_at        TIMESTAMP NOT NULL
);
