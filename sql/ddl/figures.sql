-- Numeric facts in body paragraphs; char offsets index into paragraphs.text.
CREATE TABLE IF NOT EXISTS figures (
    figure_id                VARCHAR PRIMARY KEY, -- '<article_id>:<paragraph_index>:<char_start>'
    article_id               VARCHAR NOT NULL,  -- the article (articles.article_id)
    paragraph_index          INTEGER NOT NULL,  -- the paragraph (paragraphs.paragraph_index)
    char_start               INTEGER NOT NULL,  -- offset of the figure in paragraphs.text
    char_end                 INTEGER NOT NULL,  -- offset after the figure in paragraphs.text
    text                     VARCHAR NOT NULL,  -- the figure as written ("$7 billion", "16.9%")
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
