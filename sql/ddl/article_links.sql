-- Pairs of related articles (article_id_a < article_id_b), rebuilt over all live articles each run.
-- relation: exact_duplicate (same cleaned body) | near_duplicate (word-shingle Jaccard high: syndicated copy)
--         | rewrite (same facts, different wording) | same_story (another report of the same event).
-- score: the feature that decided the relation (1, shingle Jaccard, TF-IDF cosine, story score).
CREATE TABLE IF NOT EXISTS article_links (
    article_id_a VARCHAR NOT NULL,        -- the smaller article_id of the pair
    article_id_b VARCHAR NOT NULL,        -- the larger article_id of the pair
    relation     VARCHAR NOT NULL,        -- exact_duplicate | near_duplicate | rewrite | same_story
    score        DOUBLE NOT NULL,         -- the feature that decided the relation (see above)
    PRIMARY KEY (article_id_a, article_id_b)
);
