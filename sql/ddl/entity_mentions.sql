-- Every entity mention in a body paragraph; char offsets index into paragraphs.text.
CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id      VARCHAR NOT NULL,
    paragraph_index INTEGER NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,     -- surface form as written, trimmed of determiners/possessives
    label           VARCHAR NOT NULL,     -- the entity's label (one label per entity_id)
    entity_id       VARCHAR NOT NULL,
    PRIMARY KEY (article_id, paragraph_index, char_start)
);
