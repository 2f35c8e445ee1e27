"""Known boilerplate that must never survive cleaning, read from the cleaner's own rule files.

A body paragraph is flagged when it matches a whole-line pattern of one of the given reasons
(pipelines/data/boilerplate/line_patterns.json) or is, word for word, a region marker of one of
them ("Related articles", region_markers.json). The rules stay in the data files; this only reads them.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import cache

import polars as pl

from pipelines.settings import PROJECT_ROOT

BOILERPLATE_DATA = PROJECT_ROOT / "pipelines" / "data" / "boilerplate"
_NOT_A_WORD = re.compile(r"[\W\d_]+", re.UNICODE)
MARKER_MAX_CHARS = 60  # a region marker is a short line; longer paragraphs are prose


def _load(name: str) -> dict:
    return json.loads((BOILERPLATE_DATA / name).read_text(encoding="utf-8"))


@cache
def line_regex(reasons: tuple[str, ...]) -> re.Pattern[str]:
    patterns = [p["pattern"] for p in _load("line_patterns.json")["patterns"] if p["reason"] in reasons]
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", re.IGNORECASE)


@cache
def markers(reasons: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str]]:
    chosen = [m for m in _load("region_markers.json")["markers"] if m["reason"] in reasons]
    lines = frozenset(line for m in chosen for line in m.get("lines", []))
    patterns = [p for m in chosen for p in m.get("patterns", [])]
    return lines, re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")


def marker_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("\u2019", "")
    return " ".join(_NOT_A_WORD.sub(" ", text).split())


def is_known_boilerplate(text: str, reasons: tuple[str, ...]) -> bool:
    stripped = text.strip()
    if line_regex(reasons).search(stripped):
        return True
    return len(stripped) <= MARKER_MAX_CHARS and is_marker(stripped, reasons)


def is_marker(stripped: str, reasons: tuple[str, ...]) -> bool:
    lines, regex = markers(reasons)
    key = marker_key(stripped)
    return key in lines or bool(regex.search(key))


@cache
def polars_line_regex(reasons: tuple[str, ...]) -> str | None:
    """`line_regex` for polars (Rust regex), or None when a rule uses syntax Rust lacks (lookaround)."""
    pattern = f"(?i){line_regex(reasons).pattern}"
    try:
        pl.Series([""]).str.contains(pattern)
    except pl.exceptions.ComputeError:
        return None
    return pattern


def flag_known_boilerplate(text: pl.Expr, reasons: list[str]) -> pl.Expr:
    """`is_known_boilerplate` of every row. The line rules run vectorized in polars: through
    Python's `re`, row by row, they cost ~1 s of CPU per 4,000 paragraphs (the whole check's largest
    cost on a corpus run); only paragraphs short enough to be a region marker go through Python."""
    wanted = tuple(sorted(reasons))
    pattern = polars_line_regex(wanted)
    if pattern is None:
        return text.map_elements(lambda t: is_known_boilerplate(t, wanted), return_dtype=pl.Boolean)
    stripped = text.str.strip_chars()
    short = pl.when(stripped.str.len_chars() <= MARKER_MAX_CHARS).then(stripped)  # null when longer
    marker = short.map_elements(lambda t: is_marker(t, wanted), return_dtype=pl.Boolean, skip_nulls=True)
    return stripped.str.contains(pattern) | marker.fill_null(False)
