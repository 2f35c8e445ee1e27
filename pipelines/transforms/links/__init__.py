"""Links between articles (duplicates, rewrites, same story), stories, and figures corroborated across them."""
from pipelines.transforms.links.claims import figure_claims
from pipelines.transforms.links.link import empty_links, link_articles
from pipelines.transforms.links.stories import stories_table, story_members

__all__ = ["empty_links", "figure_claims", "link_articles", "stories_table", "story_members"]
