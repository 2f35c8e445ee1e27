"""Elliptical numbers take their unit from a neighbour in the same sentence.

"435 homes by open sale and 187 by tender" -> 187 homes; "1,463.87 points ... to 1,333.18" ->
points; "280 million of the 1.5 billion shekels" -> shekels; "from 4.8 to 4.7 percent" -> percent.
Only bare counts (no unit, currency or subject) are filled, from the nearest earlier figure in
the sentence with the same scale word (counts with a subject, money, quantities: "6.9 million
people, over 10,000 civilians and 12.7 million in need" -> people) or from the very next one
when only "to", "and", "or" or "of the" stand between them (also percents).
"""
from __future__ import annotations

import re

_FORWARD_GAP = re.compile(r"\s*[-–]?\s*(?:to|and|or|-|–|of(?: the| its| their)?)\s*$|[-–],\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n")
_MAX_BACK = 140
_COPIED = ("kind", "unit", "currency", "subject")
_MINOR_UNITS = {"cent", "penny", "sen", "kopeck", "paisa"}
_SCALE_WORD = re.compile(r"(?i)\b(hundred|thousand|million|billion|trillion|crore|lakh)\b|\d(bn|mn|tn|m|b|k)\b")


def _scale_word(fig: dict) -> str:
    m = _SCALE_WORD.search(fig["text"])
    return (m.group(1) or m.group(2)).lower() if m else ""


def _bare(fig: dict) -> bool:
    return fig["kind"] == "count" and not fig["subject"] and not fig["unit"]


def _donor(fig: dict, *, forward: bool) -> bool:
    if fig["kind"] == "count":
        return bool(fig["subject"])
    return fig["kind"] in ("money", "quantity") or (forward and fig["kind"] in ("percent", "duration"))


def fill_elliptical(text: str, figs: list[dict]) -> None:
    # Right to left, so a chain fills in: "four-, five- and six-cylinder engines".
    for i in range(len(figs) - 1, -1, -1):
        fig = figs[i]
        if not _bare(fig):
            continue
        backward = None if fig["text"][:1].isalpha() else _backward_donor(text, figs, i)  # "two were hit"
        donor = _forward_donor(text, figs, i) or backward
        if donor is not None:
            for key in _COPIED:
                fig[key] = donor[key]
            if donor["kind"] == "money" and donor["unit"] in _MINOR_UNITS:  # "84.75 cents ... 74.07"
                fig["value"] *= 0.01


def _forward_donor(text: str, figs: list[dict], i: int) -> dict | None:
    if i + 1 >= len(figs):
        return None
    nxt = figs[i + 1]
    gap_ok = _FORWARD_GAP.fullmatch(text, figs[i]["char_end"], nxt["char_start"])
    return nxt if gap_ok and _donor(nxt, forward=True) else None


def _backward_donor(text: str, figs: list[dict], i: int) -> dict | None:
    fig = figs[i]
    for j in range(i - 1, -1, -1):
        prev = figs[j]
        if fig["char_start"] - prev["char_end"] > _MAX_BACK:
            return None
        if _SENTENCE_BREAK.search(text, prev["char_end"], fig["char_start"]):
            return None
        if prev["kind"] in ("date", "year", "ordinal", "percent") or not _donor(prev, forward=False):
            continue
        if _scale_word(prev) == _scale_word(fig):
            return prev
    return None
