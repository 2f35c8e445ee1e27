"""Load the figure tables (pipelines/data/figures/*.json) once into a Grammar: dicts for look-ups
around a number, and the few regexes that scan whole paragraphs."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.transforms.figures import patterns as P

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "figures"
_SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₪": "ILS", "₩": "KRW"}


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def case_free(surface: str) -> bool:
    # "mph"/"MPH" are the same; "g"/"G" and "mW"/"MW" are not.
    return surface == surface.lower() and len(surface) > 2


@dataclass(frozen=True)
class Grammar:
    ones: dict
    tens: dict
    scales: dict            # "million" -> 1e6 (lower-case)
    scale_abbrev: dict      # "bn" -> 1e9 (as written)
    fractions: dict
    months: dict
    units: dict             # surface as written -> (unit, kind)
    units_folded: dict      # lower-cased case-free surface -> (unit, kind)
    glued_only: frozenset
    rate_nouns: dict
    time_units: frozenset
    currency_prefix: dict
    currency_words: dict    # ISO codes and signs as written
    currency_words_folded: dict
    currency_minor: dict
    qual_before: dict
    qual_after: dict
    subject_stop: frozenset
    subject_verbs: frozenset
    subject_max_words: int
    irregular_plurals: dict
    ly_nouns: frozenset
    compound_skip: frozenset
    name_allowed: frozenset
    block_rules: tuple
    scan_re: re.Pattern
    number_at_re: re.Pattern
    words_at_re: re.Pattern
    fraction_at_re: re.Pattern
    date_at_re: re.Pattern
    qual_after_re: re.Pattern
    range_re: re.Pattern


def _units(units: dict) -> tuple[dict, dict]:
    exact, folded = {}, {}
    for entry in units["units"]:
        for s in entry["surfaces"]:
            exact.setdefault(s, (entry["unit"], entry["kind"]))
            if case_free(s):
                folded.setdefault(s.lower(), (entry["unit"], entry["kind"]))
    return exact, folded


def _currency_words(cur: dict) -> tuple[dict, dict]:
    """Words after the amount ("euros", folded), ISO codes ("110 JPY") and signs ("1,200€"), exact."""
    folded = {w.lower(): code for w, code in cur["words"].items()}
    exact = {code: _SYMBOLS.get(code) or cur["prefix"].get(code, code) for code in cur["suffix_codes"]}
    return exact, folded


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    units, cur, nums = _load("units.json"), _load("currencies.json"), _load("numbers.json")
    quals, nonfig, subj = _load("qualifiers.json"), _load("non_figures.json"), _load("subject.json")
    units_exact, units_folded = _units(units)
    cw_exact, cw_folded = _currency_words(cur)
    every = lambda w: True  # noqa: E731
    return Grammar(
        ones=nums["ones"], tens=nums["tens"], scales={**nums["scales"], **nums["dozen"]},
        scale_abbrev=nums["scale_abbrev"], fractions={k.lower(): v for k, v in nums["fractions"].items()},
        months=nums["months"], units=units_exact, units_folded=units_folded,
        glued_only=frozenset(units["glued_only"]), rate_nouns=units["rate_nouns"],
        time_units=frozenset(u["unit"] for u in units["units"] if u["kind"] == "duration"),
        currency_prefix=cur["prefix"], currency_words=cw_exact, currency_words_folded=cw_folded,
        currency_minor=cur["minor"],
        qual_before={k.lower(): v for k, v in quals["before"].items()},
        qual_after={k.lower(): v for k, v in quals["after"].items()},
        subject_stop=frozenset(subj["stop"]), subject_verbs=frozenset(subj["verbs"]),
        subject_max_words=subj["max_words"], irregular_plurals=subj["irregular_plurals"],
        ly_nouns=frozenset(subj["ly_nouns"]), compound_skip=frozenset(subj["compound_skip"]),
        name_allowed=frozenset(nonfig["name_before_number"]["allowed"]),
        block_rules=P.block_rules(nonfig),
        scan_re=P.scan_re(nums),
        number_at_re=P.number_at_re(),
        words_at_re=P.words_at_re(nums),
        fraction_at_re=P.fraction_at_re(nums["fractions"]),
        date_at_re=P.date_at_re(nums["months"]),
        qual_after_re=re.compile(rf"(?P<q>\s*(?:{P.alternation(quals['after'], case_free=every)}))(?![\w])"),
        range_re=re.compile(r"\s*[-–]?\s*(?P<sep>to\b|and\b|or\b|[-–—])\s*(?:[-–]\s*)?"),
    )
