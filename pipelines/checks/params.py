"""Values the suites refer to as {"$PARAMETER": name}: read from the project's data files and settings,
so a suite never duplicates a table that lives elsewhere (units, currencies' minor units)."""
from __future__ import annotations

import json
import re
from functools import cache

from pipelines.settings import PROJECT_ROOT

FIGURES_DATA = PROJECT_ROOT / "pipelines" / "data" / "figures"


def _load(name: str) -> dict:
    return json.loads((FIGURES_DATA / name).read_text(encoding="utf-8"))


@cache
def known_units() -> tuple[str, ...]:
    """Every unit the figures stage can write: table units, minor currency units, and their rates.

    A rate ("$58 per barrel", "40 hours a week") is '<unit>_per_<noun>', or 'per_<noun>' for money.
    """
    units = _load("units.json")
    base = {u["unit"] for u in units["units"]} | {minor[1] for minor in _load("currencies.json")["minor"].values()}
    denominators = set(units["rate_nouns"].values())
    rates = {f"per_{d}" for d in denominators} | {f"{b}_per_{d}" for b in base for d in denominators}
    return tuple(sorted(base | rates))


@cache
def known_unit_regex() -> str:
    """`known_units` as one anchored regex: GX re-serializes list parameters on every metric it
    plans, so a value set of thousands of units costs seconds; one string costs nothing."""
    units = _load("units.json")
    base = sorted({u["unit"] for u in units["units"]} | {m[1] for m in _load("currencies.json")["minor"].values()})
    denominators = sorted(set(units["rate_nouns"].values()))
    base_alt, denominator_alt = "|".join(map(re.escape, base)), "|".join(map(re.escape, denominators))
    return f"^(?:(?:{base_alt})(?:_per_(?:{denominator_alt}))?|per_(?:{denominator_alt}))$"


def suite_parameters(suite_raw: dict, *, min_body_words: int) -> dict:
    """The suite's own defaults (its `suite_parameters`), then the values known only at run time."""
    return {
        **suite_raw.get("suite_parameters", {}),
        "min_body_words": min_body_words,
        "known_unit_regex": known_unit_regex(),
    }
