-- Stories: connected groups of linked articles (articles.story_id points here); an unlinked article is a story of one.
CREATE TABLE IF NOT EXISTS stories (
    story_id      VARCHAR PRIMARY KEY, -- 'story_' and 16 hex digits
    title         VARCHAR,             -- the earliest titled member's title, else the start of a body
    first_seen    TIMESTAMP,           -- earliest published_at among its articles (NULL if none is dated)
    article_count INTEGER NOT NULL     -- live articles in the story
);
