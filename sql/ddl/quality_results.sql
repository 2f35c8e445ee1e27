-- Every data-quality check result, appended per run, so SQL users can trend them.
CREATE TABLE IF NOT EXISTS quality_results (
    run_id       VARCHAR NOT NULL,        -- the Dagster run that checked
    asset        VARCHAR NOT NULL,        -- the asset (suite) checked
    check_name   VARCHAR NOT NULL,        -- the expectation's meta.check name, or accounting_invariant
    severity     VARCHAR NOT NULL,        -- error (blocking) | warn
    passed       BOOLEAN NOT NULL,        -- the expectation held
    observed     VARCHAR,                 -- what the check observed, e.g. '0 of 5 rows unexpected'
    failing_rows BIGINT,                  -- rows breaking it; NULL if not evaluated
    checked_at   TIMESTAMP NOT NULL       -- when it was checked (UTC)
);
