-- One row per pipeline load: what it saw and what it changed.
CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR PRIMARY KEY, -- the Dagster run
    started_at         TIMESTAMP NOT NULL, -- when the load step started (UTC)
    finished_at        TIMESTAMP NOT NULL, -- when the load step finished (UTC)
    inbox              VARCHAR,           -- the inbox directory read
    files_seen         INTEGER,           -- inputs the run's ledger holds (files and JSONL lines, unchanged ones included)
    articles_loaded    INTEGER,           -- articles new or changed in this run
    articles_unchanged INTEGER,           -- inputs skipped as unchanged
    articles_deleted   INTEGER,           -- articles this run marked deleted
    quarantined        INTEGER,           -- quarantine rows this run wrote
    duplicates         INTEGER            -- inputs this run recorded as duplicates
);
