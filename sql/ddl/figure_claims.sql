-- One figure (kind, unit, counted noun) reported by two or more articles of a story, with whether they agree.
CREATE TABLE IF NOT EXISTS figure_claims (
    claim_id      VARCHAR PRIMARY KEY, -- hash of the claim's story, kind, unit and subject
    story_id      VARCHAR NOT NULL,    -- the story (stories.story_id)
    kind          VARCHAR NOT NULL,    -- count | percent | money | quantity | duration
    unit          VARCHAR,             -- unit name, or ISO currency for money
    subject       VARCHAR,             -- the shortest subject phrase among the reports
    value_low     DOUBLE,              -- smallest value reported
    value_high    DOUBLE,              -- largest value reported
    article_count INTEGER NOT NULL,    -- articles reporting it
    site_count    INTEGER NOT NULL,    -- distinct known sites among those articles
    agreement     VARCHAR NOT NULL,    -- consistent (one value fits every report's qualifier) | conflicting
    figure_ids    VARCHAR[] NOT NULL   -- the figures rows that report it
);
