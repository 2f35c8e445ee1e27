"""Load the figure tables (pipelines/data/figures/*.json) and compile them into regexes once."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "figures"


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _alternation(words, *, flags_by_word=None) -> str:
    """Longest-first alternation so "per cent" wins over "per"; inline (?i:...) for case-free words."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{esc})" if flags_by_word and flags_by_word(w) else esc)
    return "|".join(parts)


def _unit_is_case_free(surface: str) -> bool:
    # "mph"/"MPH" both fine; "g"/"G", "mW"/"MW" are different things.
    return surface == surface.lower() and len(surface) > 2


@dataclass(frozen=True)
class Grammar:
    ones: dict
    tens: dict
    scales: dict
    scale_abbrev: dict
    fractions: dict
    months: dict
    unit_by_surface: dict  # surface (lower-cased if case-free) -> (unit, kind)
    glued_only: frozenset
    currency_prefix: dict
    currency_word: dict
    currency_minor: dict
    qual_before: dict
    qual_after: dict
    subject_stop: frozenset
    subject_verbs: frozenset
    subject_max_words: int
    irregular_plurals: dict
    name_allowed: frozenset
    rate_nouns: dict
    time_units: frozenset
    number_re: re.Pattern
    block_re: re.Pattern
    block_reasons: tuple
    date_re: re.Pattern
    unit_re: re.Pattern
    currency_word_re: re.Pattern
    minor_re: re.Pattern
    prefix_re: re.Pattern
    prefix_at_re: re.Pattern
    qual_before_re: re.Pattern
    qual_after_re: re.Pattern
    scale_re: re.Pattern
    range_re: re.Pattern
    fraction_re: re.Pattern
    word_re: re.Pattern

    def unit_for(self, surface: str):
        key = re.sub(r"\s+", " ", surface)
        return self.unit_by_surface.get(key) or self.unit_by_surface.get(key.lower())


def _unit_table(units: dict) -> tuple[dict, list[str]]:
    table, surfaces = {}, []
    for entry in units["units"]:
        for s in entry["surfaces"]:
            key = s.lower() if _unit_is_case_free(s) else s
            table.setdefault(key, (entry["unit"], entry["kind"]))
            surfaces.append(s)
    return table, surfaces


def _number_words_re(nums: dict) -> str:
    unit_word = _alternation(list(nums["ones"]) + list(nums["tens"]))
    tens = _alternation(nums["tens"])
    ones = _alternation(nums["ones"])
    word = rf"(?:(?:{tens})[-\s](?:{ones})|{unit_word})"
    scale = _alternation(list(nums["scales"]) + list(nums["dozen"]))
    # "two hundred and fifty thousand", "a million", "a dozen"
    return (rf"\b(?:(?i:{word})|[Aa](?=\s+(?:{scale})\b))"
            rf"(?:\s+(?:and\s+)?(?:{scale}|{word})\b)*(?!\w|-(?:thirds?|quarters?|fifths?|tenths?))")


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    units, cur, nums = _load("units.json"), _load("currencies.json"), _load("numbers.json")
    quals, nonfig, subj = _load("qualifiers.json"), _load("non_figures.json"), _load("subject.json")
    unit_table, unit_surfaces = _unit_table(units)
    ones = dict(nums["ones"]); tens = dict(nums["tens"])
    scales = {**nums["scales"], **nums["dozen"]}
    digits = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])|(?<![\w.,])\.\d+"
    slash = r"(?<![\d/.,])(?P<num>[1-9]\d?)[/⁄](?P<den>[1-9]\d{0,2})(?![\d/])"
    number_re = re.compile(rf"(?P<slash>{slash})|(?P<digits>{digits})|(?P<words>{_number_words_re(nums)})")
    blocks = nonfig["patterns"]
    block_re = re.compile("|".join(f"(?P<b{i}>{p['regex']})" for i, p in enumerate(blocks)), re.M)
    months = _alternation([m.capitalize() for m in nums["months"]] + [m.upper() for m in nums["months"]])
    day = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<{n}>(?:1[5-9]|20)\d\d)"
    date_re = re.compile(
        rf"\b(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?:T[\d:.]+Z?)?\b"
        rf"|\b(?P<m1>{months})\.?\s+{day.format(n='d1')}\b(?:[-–][0-3]?\d\b)?(?!\s*(?:%|,\d|\.\d|:\d))(?:,?\s+{year.format(n='y1')}\b)?"
        rf"|\b{day.format(n='d2')}\s+(?:of\s+)?(?P<m2>{months})\b\.?(?:,?\s+{year.format(n='y2')}\b)?"
        rf"|\b(?P<m3>{months})\.?,?\s+(?:of\s+)?{year.format(n='y3')}\b"
    )
    unit_alt = _alternation(unit_surfaces, flags_by_word=_unit_is_case_free)
    unit_re = re.compile(rf"(?P<gap>\s?[-‑]\s?|\s*)(?P<unit>{unit_alt})(?![A-Za-z0-9²³])")
    currency_word_re = re.compile(rf"\s*(?P<cw>{_alternation(cur['words'], flags_by_word=lambda w: True)})\b")
    minor_re = re.compile(rf"(?P<gap>\s*)(?P<minor>{_alternation(cur['minor'])})\b")
    prefix_re = re.compile(rf"(?:(?<![A-Za-z])(?P<cp>{_alternation(cur['prefix'])})\s?)$")
    qual_before_re = re.compile(rf"(?:^|(?<=[\s(\[]))(?P<q>{_alternation(quals['before'], flags_by_word=lambda w: True)})\s*$")
    qual_after_re = re.compile(rf"(?P<q>\s*(?:{_alternation(quals['after'], flags_by_word=lambda w: True)}))(?![\w])")
    scale_re = re.compile(
        rf"(?P<scale>(?:(?:\s+|-)(?:{_alternation(scales)})s?\b)+)"
        rf"|(?P<abbr>{_alternation([a for a in nums['scale_abbrev'] if len(a) > 1])}|[mbkMBK])(?![A-Za-z0-9])"
        rf"|\s(?P<sabbr>bn|tn|mn|mln|trn|M|B)\b(?![.\w])")
    range_re = re.compile(r"\s*[-–]?\s*(?P<sep>to\b|and\b|or\b|[-–—])\s*(?:[-–]\s*)?")
    fraction_re = re.compile(rf"\b(?P<frac>{_alternation(nums['fractions'], flags_by_word=lambda w: True)})\s+of\b")
    return Grammar(
        ones=ones, tens=tens, scales=scales, scale_abbrev=nums["scale_abbrev"],
        fractions={k.lower(): v for k, v in nums["fractions"].items()}, months=nums["months"],
        unit_by_surface=unit_table, glued_only=frozenset(units["glued_only"]),
        currency_prefix=cur["prefix"], currency_word=cur["words"], currency_minor=cur["minor"],
        qual_before={k.lower(): v for k, v in quals["before"].items()},
        qual_after={k.lower(): v for k, v in quals["after"].items()},
        subject_stop=frozenset(subj["stop"]), subject_verbs=frozenset(subj["verbs"]),
        subject_max_words=subj["max_words"], irregular_plurals=subj["irregular_plurals"],
        name_allowed=frozenset(nonfig["name_before_number"]["allowed"]),
        rate_nouns=units["rate_nouns"],
        time_units=frozenset(u["unit"] for u in units["units"] if u["kind"] == "duration"),
        number_re=number_re, block_re=block_re, block_reasons=tuple(p["reason"] for p in blocks),
        date_re=date_re, unit_re=unit_re, currency_word_re=currency_word_re, minor_re=minor_re,
        prefix_re=prefix_re, prefix_at_re=re.compile(rf"(?:{_alternation(cur['prefix'])})\s?(?=\d)"),
        qual_before_re=qual_before_re, qual_after_re=qual_after_re,
        scale_re=scale_re, range_re=range_re, fraction_re=fraction_re,
        word_re=re.compile(r"[A-Za-z][\w'’-]*|[^\sA-Za-z]"),
    )
