"""news-warehouse: raw scraped news articles -> clean DuckDB analytics warehouse."""
