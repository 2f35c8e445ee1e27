-- Every data-quality check result, appended per run, so SQL users can trend them.
CREATE TABLE IF NOT EXISTS quality_results (
    run_id       VARCHAR NOT NULL,
    asset        VARCHAR NOT NULL,
    check_name   VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL,        -- error (blocking) | warn
    passed       BOOLEAN NOT NULL,
    observed     VARCHAR,
    failing_rows BIGINT,
    checked_at   TIMESTAMP NOT NULL
);
