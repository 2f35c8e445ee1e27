"""Boilerplate rules read from `pipelines/data/boilerplate/*.json`.

The rules are data so a user can add their own site's lines without touching code. All
patterns of one file are compiled into a single alternation with one named group per
pattern: one regex pass per line instead of one per pattern keeps plain text >= 500 pages/s.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "boilerplate"

_PUNCT_OR_DIGIT = re.compile(r"[\W\d_]+", re.UNICODE)


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _alternation(patterns: list[str], flags: int) -> re.Pattern[str]:
    groups = (f"(?P<p{i}>{p})" for i, p in enumerate(patterns))
    return re.compile("|".join(groups), flags)


@dataclass(frozen=True)
class RuleSet:
    line_regex: re.Pattern[str]
    line_reasons: tuple[str, ...]
    marker_lines: dict[str, str]  # normalized marker line -> reason
    marker_regex: re.Pattern[str]
    marker_reasons: tuple[str, ...]
    inline_regexes: tuple[re.Pattern[str], ...]

    def line_reason(self, line: str) -> str | None:
        """The reason code of the first whole-line pattern `line` matches, else None."""
        m = self.line_regex.search(line)
        return self.line_reasons[int(m.lastgroup[1:])] if m else None

    def marker_reason(self, line: str) -> str | None:
        """The reason code if `line` opens a boilerplate region ("Related Articles"), else None."""
        if len(line) > 60:
            return None
        key = marker_key(line)
        if not key:
            return None
        reason = self.marker_lines.get(key)
        if reason is None:
            m = self.marker_regex.search(key)
            reason = self.marker_reasons[int(m.lastgroup[1:])] if m else None
        return reason

    def strip_inline_noise(self, line: str) -> str:
        """Cut noise fused into a sentence ("...electricity ADVERTISEMENT The...")."""
        if "dvertisement" not in line and "DVERTISEMENT" not in line:
            return line  # cheap pre-check: the only inline noise today is ad markers
        for regex in self.inline_regexes:
            line = regex.sub(" ", line)
        return " ".join(line.split())


def marker_key(line: str) -> str:
    """Lower-case words only: "Related Articles:" and "RELATED ARTICLES" give the same key."""
    return " ".join(_PUNCT_OR_DIGIT.sub(" ", unicodedata.normalize("NFKC", line).lower()).split())


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    lines = _load("line_patterns.json")["patterns"]
    markers = _load("region_markers.json")["markers"]
    inline = _load("inline_noise.json")["patterns"]
    marker_lines = {marker_key(text): m["reason"] for m in markers for text in m["lines"]}
    marker_patterns = [(p, m["reason"]) for m in markers for p in m["patterns"]]
    return RuleSet(
        line_regex=_alternation([p["pattern"] for p in lines], re.IGNORECASE),
        line_reasons=tuple(p["reason"] for p in lines),
        marker_lines=marker_lines,
        marker_regex=_alternation([p for p, _ in marker_patterns] or ["(?!)"], 0),
        marker_reasons=tuple(r for _, r in marker_patterns),
        inline_regexes=tuple(re.compile(p["pattern"]) for p in inline),
    )
