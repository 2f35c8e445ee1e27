"""Regex builders for the figure grammar. Speed matters (figures may add at most 10% to NER):
the one pattern that scans whole paragraphs (`scan_re`) starts each branch with a digit or a
literal word and has no look-behinds or case-insensitive groups, which make CPython's `re` slow.
Everything else is matched at a known position (`*_at_re`) or looked up in dicts (lookup.py)."""
from __future__ import annotations

import re


def alternation(words, *, case_free=None) -> str:
    """Longest-first alternation so "per cent" wins over "per"; case-free words as explicit variants."""
    variants = set()
    for w in words:
        variants.add(w)
        if case_free and case_free(w):
            variants.update({w.lower(), w[:1].upper() + w[1:].lower(), w.title(), w.upper()})
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(variants, key=len, reverse=True))


def trie(words) -> str:
    """Alternation as a prefix tree ("t(?:en|hree|wo)"): CPython's `re` tries alternatives one by
    one, so a flat list of 150 words costs 150 comparisons at every word start; a tree costs ~2."""
    tree: dict = {}
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_re(tree)


def _trie_re(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_re(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


_EVERY = lambda w: True  # noqa: E731
_FRACTION_WORDS = ["half", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "tenth",
                   "tenths"]


def _word(nums: dict) -> str:
    tens = alternation(nums["tens"], case_free=_EVERY)
    ones = alternation(nums["ones"], case_free=_EVERY)
    return rf"(?:(?:{tens})[-\s](?:{ones})|{alternation(list(nums['ones']) + list(nums['tens']), case_free=_EVERY)})"


def scan_re(nums: dict) -> re.Pattern:
    """Where a figure may start: a digit run, a number word, a fraction word, or "a" before a scale."""
    scale = alternation(list(nums["scales"]) + list(nums["dozen"]))
    base = list(nums["ones"]) + list(nums["tens"]) + _FRACTION_WORDS
    words = trie([v for w in base for v in (w, w.capitalize(), w.upper())])
    return re.compile(rf"\d+|\b(?:{words}|[Aa](?=\s(?:{scale}|{alternation(_FRACTION_WORDS)})\b))\b")


def number_at_re() -> re.Pattern:
    return re.compile(r"(?P<slash>(?P<num>[1-9]\d?)[/⁄](?P<den>[1-9]\d{0,2})(?![\d/]))"
                      r"|(?P<digits>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\d)|\.\d+)")


def words_at_re(nums: dict) -> re.Pattern:
    """"two hundred and fifty thousand", "a million", "a dozen", "twenty-five"."""
    word = _word(nums)
    scale = alternation(list(nums["scales"]) + list(nums["dozen"]))
    return re.compile(rf"(?P<words>(?:{word}|[Aa](?=\s+(?:{scale})\b))"
                      rf"(?:\s+(?:and\s+)?(?:{scale}|{word})\b)*)(?!\w|-(?:thirds?|quarters?|fourths?|fifths?|tenths?))")


def fraction_at_re(fractions) -> re.Pattern:
    return re.compile(rf"(?P<frac>{alternation(fractions, case_free=_EVERY)})\s+of\b")


def date_at_re(months: dict) -> re.Pattern:
    names = alternation([m.capitalize() for m in months] + [m.upper() for m in months])
    day = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<{n}>(?:1[5-9]|20)\d\d)"
    return re.compile(
        rf"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?:T[\d:.]+Z?)?\b"
        rf"|(?P<m1>{names})\.?\s+{day.format(n='d1')}\b(?:[-–][0-3]?\d\b)?(?!\s*(?:%|,\d|\.\d|:\d))"
        rf"(?:,?\s+{year.format(n='y1')}\b)?"
        rf"|{day.format(n='d2')}\s+(?:of\s+)?(?P<m2>{names})\b\.?(?:,?\s+{year.format(n='y2')}\b)?"
        rf"|(?P<m3>{names})\.?,?\s+(?:of\s+)?{year.format(n='y3')}\b"
    )


def block_rules(nonfig: dict) -> tuple:
    """(reason, prev-char set or None, before-pattern or None, after-pattern or None) per non-figure rule."""
    designation = alternation(nonfig["designation_words"], case_free=_EVERY)
    rules = []
    for rule in nonfig["rules"]:
        before = rule.get("before", "").replace("{designation_words}", designation)
        prev = rule.get("prev")
        rules.append((rule["reason"],
                      frozenset(_expand_class(prev)) if prev else None,
                      re.compile(rf"(?:{before})$") if before else None,
                      re.compile(rule["after"]) if rule.get("after") else None))
    return tuple(rules)


def _expand_class(char_class: str) -> set[str]:
    """The ASCII/Latin characters a one-character class like "[A-Za-z.]" matches (for set look-ups)."""
    pattern = re.compile(char_class)
    return {c for c in map(chr, range(1, 0x2100)) if pattern.fullmatch(c)}
