-- One row per pipeline load: what it saw and what it changed.
CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR PRIMARY KEY,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP NOT NULL,
    inbox              VARCHAR,
    files_seen         INTEGER,
    articles_loaded    INTEGER,
    articles_unchanged INTEGER,
    articles_deleted   INTEGER,
    quarantined        INTEGER,
    duplicates         INTEGER
);
