-- Body paragraphs in order; char_start/char_end index into articles.body (end exclusive).
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id      VARCHAR NOT NULL,
    paragraph_index INTEGER NOT NULL,
    kind            VARCHAR NOT NULL,     -- paragraph | heading | list_item
    text            VARCHAR NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    word_count      INTEGER NOT NULL,
    PRIMARY KEY (article_id, paragraph_index)
);
