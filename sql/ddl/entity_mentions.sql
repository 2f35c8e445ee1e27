-- Every entity mention in a body paragraph; char offsets index into paragraphs.text.
CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id      VARCHAR NOT NULL,     -- the article (articles.article_id)
    paragraph_index INTEGER NOT NULL,     -- the paragraph (paragraphs.paragraph_index)
    char_start      INTEGER NOT NULL,     -- offset of the mention in paragraphs.text
    char_end        INTEGER NOT NULL,     -- offset after the mention in paragraphs.text
    text            VARCHAR NOT NULL,     -- surface form as written, trimmed of determiners/possessives
    label           VARCHAR NOT NULL,     -- the entity's label (one label per entity_id)
    entity_id       VARCHAR NOT NULL,     -- the canonical entity (entities.entity_id)
    PRIMARY KEY (article_id, paragraph_index, char_start)
);
