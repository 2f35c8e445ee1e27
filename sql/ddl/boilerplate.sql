-- Every line the cleaner removed, with a reason code: the audit trail of cleaning.
CREATE TABLE IF NOT EXISTS boilerplate (
    article_id VARCHAR NOT NULL,
    line_no    INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    PRIMARY KEY (article_id, line_no)
);
