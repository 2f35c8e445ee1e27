-- Every line the cleaner removed, with a reason code: the audit trail of cleaning.
CREATE TABLE IF NOT EXISTS boilerplate (
    article_id VARCHAR NOT NULL,          -- the article the line was removed from
    line_no    INTEGER NOT NULL,          -- 0-based line of the text the cleaner classified
    text       VARCHAR NOT NULL,          -- the removed line
    reason     VARCHAR NOT NULL,          -- why it was removed (e.g. related_block, promo, tags, list_marker)
    PRIMARY KEY (article_id, line_no)
);
