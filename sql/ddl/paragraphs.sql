-- Body paragraphs in order; char_start/char_end index into articles.body (end exclusive).
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id      VARCHAR NOT NULL,     -- the article (articles.article_id)
    paragraph_index INTEGER NOT NULL,     -- 0-based position in the body
    kind            VARCHAR NOT NULL,     -- paragraph | heading | list_item
    text            VARCHAR NOT NULL,     -- the block's text
    char_start      INTEGER NOT NULL,     -- offset of its first character in articles.body
    char_end        INTEGER NOT NULL,     -- offset after its last character in articles.body
    word_count      INTEGER NOT NULL,     -- words in text
    PRIMARY KEY (article_id, paragraph_index)
);
