-- Every surface form an entity was written as, with how often.
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id     VARCHAR NOT NULL,       -- the entity (entities.entity_id)
    alias         VARCHAR NOT NULL,       -- a surface form, as entity_mentions.text
    mention_count INTEGER NOT NULL,       -- mentions written this way, deleted articles' included
    PRIMARY KEY (entity_id, alias)
);
