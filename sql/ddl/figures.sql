-- Numeric facts in body paragraphs; char offsets index into paragraphs.text.
CREATE TABLE IF NOT EXISTS figures (
    figure_id                VARCHAR PRIMARY KEY,
    article_id               VARCHAR NOT NULL,
    paragraph_index          INTEGER NOT NULL,
    char_start               INTEGER NOT NULL,
    char_end                 INTEGER NOT NULL,
    text                     VARCHAR NOT NULL,
    value                    DOUBLE,            -- low value of a range; dates: see iso_date
    value_high               DOUBLE,            -- high value of a range, else NULL
    kind                     VARCHAR NOT NULL,  -- money | percent | count | quantity | duration | ordinal | year | date
    unit                     VARCHAR,           -- canonical unit name (mile, kilometre, day, ...)
    currency                 VARCHAR,           -- ISO 4217 code for money
    qualifier                VARCHAR,           -- exact | about | over | under | at_least | at_most | ...
    subject                  VARCHAR,           -- the counted / measured noun phrase
    iso_date                 VARCHAR,           -- dates: YYYY-MM-DD
    date_inferred            BOOLEAN,           -- dates: year taken from the article's date
    converted_from_figure_id VARCHAR            -- "€5 billion (£4.2 billion)": the £ row points at the € row
);
