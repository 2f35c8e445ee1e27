-- Every surface form an entity was written as, with how often.
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id     VARCHAR NOT NULL,
    alias         VARCHAR NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
