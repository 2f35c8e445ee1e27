"""SQL lives in sql/*.sql; this loads it by name."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

SQL_DIR = PROJECT_ROOT / "sql"

# Creation order matters only for readability; no table references another by foreign key
# (DuckDB's FKs would forbid the delete-and-reinsert upserts the load relies on).
DDL_ORDER = (
    "articles", "paragraphs", "boilerplate", "entities", "entity_mentions", "entity_aliases",
    "figures", "quarantine", "duplicates", "quality_results", "runs",
)


@cache
def sql(name: str) -> str:
    """`sql("load/mark_deleted")` -> the text of sql/load/mark_deleted.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def ddl_names() -> list[str]:
    """Every table DDL: the known order first, then any other file in sql/ddl/ (added by later stages)."""
    present = sorted(p.stem for p in (SQL_DIR / "ddl").glob("*.sql"))
    return [n for n in DDL_ORDER if n in present] + [n for n in present if n not in DDL_ORDER]


def view_files() -> list[Path]:
    return sorted((SQL_DIR / "views").glob("*.sql"))
