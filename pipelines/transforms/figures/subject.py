"""The counted / measured noun phrase after a figure, without a parser.

"537 aerial weapons" -> "aerial weapons"; "some 40 strategic bombers parked" -> "strategic bombers";
"17th sanctions package" -> "sanctions package"; "34% of voters" -> "voters".
A run of up to `max_words` words that are not stop words; it ends at punctuation, a stop word,
or (once it has a word) a verb-like word. Good enough for news, and ~1 µs per figure.
"""
from __future__ import annotations

import re

from pipelines.transforms.figures.tables import Grammar

_WORD = re.compile(r"\s*([A-Za-z][A-Za-z0-9'’&.-]*[A-Za-z0-9]|[A-Za-z])")
_FIRST_WORD = re.compile(r"(?:\s*|-)([A-Za-z][A-Za-z0-9'’&.-]*[A-Za-z0-9]|[A-Za-z])")  # "three-bed apartment"
_OF = re.compile(r"\s+of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+|our\s+|all\s+|my\s+)?(?:most\s+)?", re.I)


def subject_after(text: str, pos: int, g: Grammar, *, allow_of: bool, stop_at_plural: bool = True) -> str | None:
    if allow_of:
        m = _OF.match(text, pos)
        if m:
            pos = m.end()
    words: list[str] = []
    while len([w for w in words if w not in ("and", "or")]) < g.subject_max_words:
        m = (_WORD if words else _FIRST_WORD).match(text, pos)
        if not m:
            break
        word = m.group(1).rstrip(".")
        low = word.lower()
        if low in ("and", "or") and words and not _plural(words[-1].lower(), g) and _continues(text, m.end(), g):
            words.append(low)  # "Kia and Hyundai vehicles", "digital and physical sales"
            pos = m.end()
            continue
        if (low in g.subject_stop and not (word.isupper() and len(word) > 1)) or (words and _verb_like(low, g)):
            break  # ("US", "IT" in capitals are names, not the pronoun)
        if not words and (low in g.subject_verbs or _adverb(low, g)):
            break  # "226 likely jammed", "$200 billion annually"
        if not words and low in g.compound_skip and text.startswith("-", pos):
            pos = m.end()  # "1,200-strong force": the force is counted
            continue
        words.append(word)
        hyphen_compound = len(words) == 1 and text.startswith("-", pos)  # "three-point range": points
        pos = m.end()
        if m.group(1).endswith(".") or (stop_at_plural and (_plural(low, g) or hyphen_compound)):
            break
    while words and words[-1] in ("and", "or"):
        words.pop()
    return " ".join(words) or None


def _continues(text: str, pos: int, g: Grammar) -> bool:
    m = _WORD.match(text, pos)
    return bool(m) and m.group(1).lower() not in g.subject_stop


def _verb_like(low: str, g: Grammar) -> bool:
    return low in g.subject_verbs or _adverb(low, g) or (low.endswith("ed") and len(low) > 4)


def _adverb(low: str, g: Grammar) -> bool:
    return low.endswith("ly") and low not in g.ly_nouns and "-" not in low  # not "gas-only"


def _plural(low: str, g: Grammar) -> bool:
    """"drones", "people", "children": a counted noun ends the subject ("households rent" -> "households")."""
    if low in g.irregular_plurals:
        return g.irregular_plurals[low] != low or low in ("people", "police", "staff", "personnel")
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and len(low) > 2


def singular(word: str, g: Grammar) -> str:
    low = word.lower()
    if low in g.irregular_plurals:
        return g.irregular_plurals[low]
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return word[:-1]
    return word
