-- One row per real-world entity, canonicalized across articles (pipelines/transforms/canonical.py).
-- entity_id is stable: a hash of label and canonical key, so the same entity gets the same id in
-- every run and incremental batch (a key already in entity_aliases keeps the id it had).
CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,    -- hash of label and canonical key, the same in every run
    name          VARCHAR NOT NULL,       -- the most frequent full form (multi-word aliases first)
    label         VARCHAR NOT NULL,       -- PERSON | ORG | GPE | LOC | NORP | FAC | EVENT | PRODUCT | LAW | WORK_OF_ART; the majority label of its mentions
    mention_count INTEGER NOT NULL,       -- its rows in entity_mentions, deleted articles' included
    article_count INTEGER NOT NULL        -- articles naming it, deleted ones included
);
