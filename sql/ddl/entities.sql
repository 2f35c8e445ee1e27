-- One row per real-world entity, canonicalized across articles.
CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,       -- the most frequent full form
    label         VARCHAR NOT NULL,       -- PERSON | ORG | GPE | LOC | NORP | FAC | EVENT | PRODUCT | LAW | WORK_OF_ART
    mention_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL
);
