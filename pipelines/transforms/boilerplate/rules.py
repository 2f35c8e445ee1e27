"""Boilerplate rules read from `pipelines/data/boilerplate/*.json`.

The rules are data so a user can add their own site's lines without touching code.
Speed matters (plain text >= 500 pages/s), so each pattern is split into its top-level
alternatives and each alternative goes where it runs fastest:
- anchored (`^...`), lower-case: `.match` on the lower-cased line, through a `FirstMatch`
  that runs only the alternatives the line's first character leaves possible;
- anchored with a case-sensitive part (`(?-i:...)`): the same, IGNORECASE;
- unanchored: each alternative searched once over the whole lower-cased page (a literal
  prefix lets the regex engine skip ahead), matches mapped back to their lines; skipped
  when the page lacks the literals every match holds (`prefilter.PageSearch`).
"""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lines import line_starts
from .prefilter import FirstMatch, PageSearch, named_alternation
from .regex_analysis import starts_anchored

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "boilerplate"

# the runs between punctuation, digits and spaces: what is left of a text once each run of
# [\W\d_] becomes a space (one findall instead of a sub, a split and a join)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
MARKER_MAX_CHARS = 60
# The only characters an IGNORECASE regex matches to an ASCII character other than their own
# lower case ("ſ" to "s", dotless "ı" and dotted "İ" to "i"; tests/unit/test_boilerplate_prefilter.py
# checks the list against all of Unicode)
IGNORECASE_ODD_CHARS = ("İ", "ı", "ſ")


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def split_alternatives(pattern: str) -> list[str]:
    """Top-level `|` alternatives of a regex (parentheses, classes and escapes respected)."""
    alternatives, current, depth, in_class, i = [], [], 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            alternatives.append("".join(current))
            current, i = [], i + 1
            continue
        current.append(char)
        i += 1
    alternatives.append("".join(current))
    return alternatives


def _named_alternation(items: list[tuple[str, str]], flags: int) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex with a named group per alternative; group name p<i> -> reasons[i]."""
    regex = named_alternation([alt for alt, _ in items], flags) or re.compile("(?!)")
    return regex, tuple(reason for _, reason in items)


@dataclass(frozen=True)
class RuleSet:
    anchored: FirstMatch  # on the lower-cased line
    cased: FirstMatch  # on the line as written, IGNORECASE
    unanchored: PageSearch  # on the lower-cased page
    marker_lines: dict[str, tuple[str, str]]  # marker key -> (reason, until)
    marker_regex: re.Pattern[str]
    marker_reasons: tuple[tuple[str, str], ...]
    inline_keywords: re.Pattern[str]
    inline_regexes: tuple[tuple[str, re.Pattern[str]], ...]  # (keyword, pattern)
    marker_anchored: bool = False  # every marker pattern starts with "^": match, not search
    marker_first: FirstMatch | None = None  # then this finds what marker_regex.match finds
    inline_keywords_lowered: tuple[str, ...] = ()  # set when every keyword is ASCII

    def may_hold_inline_noise(self, text: str) -> bool:
        """True wherever `inline_keywords` finds a keyword in `text` (and False on most pages).

        An IGNORECASE regex search for a word runs at each position of the page; for ASCII
        keywords, a search of the lower-cased page is the same test but for the few characters
        that IGNORECASE takes for an ASCII letter they do not lower-case to."""
        if not self.inline_keywords_lowered or any(char in text for char in IGNORECASE_ODD_CHARS):
            return self.inline_keywords.search(text) is not None
        lowered = text.lower()
        return any(keyword in lowered for keyword in self.inline_keywords_lowered)

    def line_reasons(self, texts: list[str], lowered: list[str] | None = None) -> list[str | None]:
        """For each line, the reason code of a whole-line boilerplate pattern it matches.
        `lowered`: the lines lower-cased, if the caller has them."""
        if lowered is None:
            lowered = [t.lower() for t in texts]
        reasons: list[str | None] = [None] * len(texts)
        starts, page = line_starts(lowered), "\n".join(lowered)
        for regex, reason in self.unanchored.candidates(page):
            for match in regex.finditer(page):
                i = bisect.bisect_right(starts, match.start()) - 1
                reasons[i] = reasons[i] or reason
        # each matcher over all lines at once (its gates are page-level): the few lines an
        # unanchored pattern already settled cost one more regex call each
        anchored, cased = self.anchored.match_lines(lowered), self.cased.match_lines(texts)
        return [reason or a or c for reason, a, c in zip(reasons, anchored, cased)]

    def marker(self, line: str, normalized: str | None = None) -> tuple[str, str] | None:
        """(reason, until) if `line` opens a boilerplate region ("Related Articles"), else None.
        `normalized`: `site.normalize_line(line)`, if the caller has it (a cheaper way to the key).

        until is "prose" (the region ends at the next prose line), "section" (there or at a
        heading over prose), "body" (it ends when two prose paragraphs in a row show the article
        resumed), "line" or "end" (region_markers.json's _doc)."""
        if len(line) > MARKER_MAX_CHARS:
            return None
        key = marker_key(line) if normalized is None else marker_key_of_normalized(normalized)
        if not key:
            return None
        reason = self.marker_lines.get(key)
        if reason is None and self.marker_reasons:
            if self.marker_first is not None:  # most keys start where no pattern can
                k = self.marker_first.match(key)
                return None if k is None else self.marker_reasons[k]
            m = self.marker_regex.match(key) if self.marker_anchored else self.marker_regex.search(key)
            reason = self.marker_reasons[int(m.lastgroup[1:])] if m else None
        return reason

    def strip_inline_noise(self, line: str) -> str:
        """Cut noise fused into a sentence ("...electricity ADVERTISEMENT The...")."""
        found = self.inline_keywords.search(line)
        if not found:
            return line  # cheap pre-check: most lines hold no keyword at all
        lowered = line.lower()
        for keyword, regex in self.inline_regexes:
            if keyword in lowered:
                line = regex.sub(" ", line)
        return " ".join(line.split())


def marker_key(line: str) -> str:
    """Lower-case words only: "Related Articles:" and "RELATED ARTICLES" give the same key."""
    text = unicodedata.normalize("NFKC", line).lower().replace("'", "").replace("’", "")
    return " ".join(_LETTER_RUN.findall(text))


def marker_key_of_normalized(normalized: str) -> str:
    """`marker_key(line)` from `site.normalize_line(line)`, which was NFKC-normalized and
    lower-cased the same way: its other steps (digits made 0, whitespace runs made one space,
    punctuation stripped off the ends) change only the characters between letter runs, and
    never empty such a gap. Most lines' normalized text is words of letters between single
    spaces already: then it is their key."""
    if normalized.replace(" ", "").isalpha():  # str.isalpha: only characters of _LETTER_RUN
        return normalized
    return " ".join(_LETTER_RUN.findall(normalized.replace("'", "").replace("’", "")))


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    anchored, cased, unanchored = [], [], []
    for entry in _load("line_patterns.json")["patterns"]:
        for alt in split_alternatives(entry["pattern"]):
            if "(?-i" in alt:
                cased.append((alt.removeprefix("^"), entry["reason"]))
            elif alt.startswith("^"):
                anchored.append((alt[1:], entry["reason"]))
            else:
                unanchored.append((alt, entry["reason"]))
    markers = _load("region_markers.json")["markers"]
    inline = _load("inline_noise.json")["patterns"]
    marker_patterns = [(p, (m["reason"], m["until"])) for m in markers for p in m["patterns"]]
    marker_re, marker_reasons = _named_alternation(marker_patterns, 0)
    marker_anchored = all(starts_anchored(p) for p, _ in marker_patterns)
    return RuleSet(
        anchored=FirstMatch(anchored, 0),
        cased=FirstMatch(cased, re.IGNORECASE),
        unanchored=PageSearch(unanchored, re.MULTILINE),
        marker_lines={marker_key(text): (m["reason"], m["until"]) for m in markers for text in m["lines"]},
        marker_regex=marker_re,
        marker_reasons=marker_reasons,
        marker_anchored=marker_anchored,
        marker_first=FirstMatch([(p, k) for k, (p, _) in enumerate(marker_patterns)]) if marker_anchored else None,
        inline_keywords=re.compile("|".join(sorted({re.escape(p["keyword"]) for p in inline})), re.IGNORECASE),
        inline_keywords_lowered=tuple(sorted({p["keyword"].lower() for p in inline})) if all(p["keyword"].isascii() for p in inline) else (),
        inline_regexes=tuple((p["keyword"], re.compile(p["pattern"])) for p in inline),
    )
