"""expectations/<name>.json (GX Core 1.x suite format) -> a GX suite plus one check spec per expectation.

Project conventions on top of the GX format, all inside `meta` fields GX keeps as they are:
- suite `meta.asset`: the Dagster asset the checks attach to; `meta.inputs`: the assets the
  check reads (the checked asset first); `meta.description`.
- expectation `meta.check`: the expectation's name (in its Dagster check's results and in `quality_results`); `meta.view`: which frame it validates (a derived
  frame from `views.py`; default: the checked asset's own frame, with derived columns added).
- expectation `severity`: GX's own field. critical -> blocking (severity ERROR: a failure stops
  downstream assets, so the warehouse keeps its previous state); warning/info -> WARN.

Dagster sees one asset check per suite and severity (`Suite.groups()`): `critical_expectations`
(blocking) and `warning_expectations`, each listing every expectation's result in its metadata;
`quality_results` keeps one row per expectation. (One Dagster check per expectation cost three
events each, ~1 s of a 10 s seeds run on the sqlite instance `make run` uses: issue 6's budget.)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
STAGE_SUITES = ("raw_articles", "articles", "paragraphs", "entity_mentions", "entities", "figures")
WAREHOUSE_SUITE = "warehouse"
_COLUMN_KWARGS = ("column", "column_A", "column_B")


@dataclass(frozen=True)
class CheckSpec:
    name: str
    asset: str
    view: str
    blocking: bool
    description: str
    columns: tuple[str, ...]  # columns of the view the expectation reads
    sql: str | None = None  # warehouse checks: sql/checks/<name>.sql giving the failing rows


@dataclass(frozen=True)
class CheckGroup:
    """The expectations of one suite and severity: one Dagster asset check."""
    name: str  # critical_expectations | warning_expectations
    asset: str
    blocking: bool
    checks: tuple[CheckSpec, ...]


def group_name(blocking: bool) -> str:
    return "critical_expectations" if blocking else "warning_expectations"


@dataclass(frozen=True)
class Suite:
    name: str
    asset: str
    inputs: tuple[str, ...]
    description: str
    checks: tuple[CheckSpec, ...]
    raw: dict  # the JSON as written, for GX

    def views(self) -> list[str]:
        return sorted({c.view for c in self.checks})

    def groups(self) -> list[CheckGroup]:
        """Blocking expectations first, then the warnings; a severity without expectations has no group."""
        return [CheckGroup(group_name(blocking), self.asset, blocking, checks)
                for blocking in (True, False) if (checks := tuple(c for c in self.checks if c.blocking == blocking))]

    def columns_of(self, view: str) -> list[str]:
        return sorted({col for c in self.checks if c.view == view for col in c.columns})


def suite_path(name: str) -> Path:
    return EXPECTATIONS_DIR / f"{name}.json"


@cache
def load_suite(name: str) -> Suite:
    raw = json.loads(suite_path(name).read_text(encoding="utf-8"))
    meta = raw.get("meta", {})
    asset = meta.get("asset", name)
    checks = tuple(_check_spec(e, asset) for e in raw["expectations"])
    names = [c.name for c in checks]
    if len(set(names)) != len(names):
        raise ValueError(f"{suite_path(name)}: duplicate meta.check names in {names}")
    return Suite(name=raw["name"], asset=asset, inputs=tuple(meta.get("inputs", [asset])),
                 description=meta.get("description", ""), checks=checks, raw=raw)


def _check_spec(expectation: dict, asset: str) -> CheckSpec:
    meta, kwargs = expectation.get("meta", {}), expectation["kwargs"]
    columns = [kwargs[k] for k in _COLUMN_KWARGS if k in kwargs] + list(kwargs.get("column_list", []))
    return CheckSpec(
        name=meta["check"], asset=asset, view=meta.get("view", asset),
        blocking=expectation.get("severity", "critical") == "critical",
        description=expectation.get("description") or meta.get("notes", expectation["type"]),
        columns=tuple(columns), sql=meta.get("sql"),
    )


def gx_suite(suite: Suite, view: str, *, only: set[str] | None = None):
    """The GX ExpectationSuite holding the expectations of `suite` that validate `view`
    (of those, only the checks named in `only`, when given)."""
    from pipelines.checks.gx_import import great_expectations

    wanted = [e for e in suite.raw["expectations"] if e.get("meta", {}).get("view", suite.asset) == view
              and (only is None or e["meta"]["check"] in only)]
    return great_expectations().ExpectationSuite(name=f"{suite.name}.{view}", expectations=wanted)
