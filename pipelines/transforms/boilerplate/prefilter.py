"""Cheap necessary conditions for a regex to match, put to work on the line rules.

The line rules are data (users add their own patterns), so no prefilter can be written by
hand. Instead each pattern's parse tree (regex_analysis.py) tells which characters a match can
start with and which literals every match contains: a line or page that cannot match a pattern
does not run it. `FirstMatch` (anchored line patterns) and `PageSearch` (patterns searched over
a page) give the same answers as running every pattern.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import ahocorasick

from .lines import line_starts
from .regex_analysis import first_char_test, match_heads, required_literals, uses_group_refs


def named_alternation(sources: list[str], flags: int = 0, indices: tuple[int, ...] | None = None) -> re.Pattern[str] | None:
    """One regex of `sources` (those at `indices`, default all), source i in the group `p<i>`;
    None when there is none to join."""
    indices = tuple(range(len(sources))) if indices is None else indices
    if not indices:
        return None
    return re.compile("|".join(f"(?P<p{i}>{sources[i]})" for i in indices), flags)


class PageSearch:
    """Unanchored patterns searched over a whole page, each skipped on a page that holds none
    of its required literals. One Aho-Corasick pass over the page finds every literal it holds
    (about a hundred `in` scans cost three times as much; one regex alternation of the
    literals, more still: the regex engine tries each alternative at each position)."""

    def __init__(self, patterns: list[tuple[str, object]], flags: int = 0):
        self.patterns = tuple((re.compile(p, flags), value) for p, value in patterns)
        self._always: list[int] = []  # patterns without a required literal: run on every page
        opens: dict[str, list[int]] = {}  # literal -> the patterns that need it (or another)
        for i, (pattern, _) in enumerate(patterns):
            literals = required_literals(pattern, flags)
            if not literals:
                self._always.append(i)
                continue
            for literal in sorted(literals):
                opens.setdefault(literal, []).append(i)
        self._literals: ahocorasick.Automaton | None = None
        if opens:
            self._literals = ahocorasick.Automaton()
            for literal, indices in opens.items():
                self._literals.add_word(literal, tuple(indices))
            self._literals.make_automaton()

    def candidates(self, page: str) -> list[tuple[re.Pattern[str], object]]:
        """(regex, value) of the patterns, in order, that may match somewhere in `page`."""
        opened = set(self._always)
        if self._literals is not None:
            for _, indices in self._literals.iter(page):  # each occurrence of each literal
                opened.update(indices)
        return [self.patterns[i] for i in sorted(opened)]


class FirstMatch:
    """The first of `patterns` (in order) that matches at the start of a text, as one named
    alternation would find it, but running only the patterns the text can match.

    - A pattern with a first-character test runs only on texts starting with such a
      character: each first character gets its own alternation of the patterns left,
      compiled once (group `p<i>` is pattern i in all of them). Where the parse tree tells
      the first two characters ("(home|menu)": "ho", "me"), a text's first two characters
      pick a smaller alternation still.
    - A pattern that may start anywhere ("^.{0,160}...") is the costly kind: when every
      match holds one of a few literals it runs alone, on texts holding one of them. So does
      a pattern whose first character may be any letter ("[\\w .'-]{2,40}\\s?@...", "[A-Z]\\w+
      for ...") when a literal with more than spaces is in every match: a first-character
      test keeps it off few texts, an `in` check off most.
    The answer is the lowest-numbered pattern that matches, which is what the one big
    alternation returns. Patterns with back-references (their group numbers shift in a
    smaller alternation) switch the dispatch off.
    """

    def __init__(self, patterns: list[tuple[str, object]], flags: int = 0):
        self.patterns = tuple(patterns)
        self.flags = flags
        self._by_indices: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._alternation(tuple(range(len(patterns))))  # a bad pattern fails here, at load
        refs = any(uses_group_refs(p, flags) for p, _ in patterns)
        self._tests = [None if refs else first_char_test(p, flags) for p, _ in patterns]
        gated = []
        for i, ((pattern, _), test) in enumerate(zip(patterns, self._tests)):
            literals = None
            if not refs and (test is None or _passes_most(test)):
                literals = required_literals(pattern, flags)
                if literals and test is not None and not all(literal.strip() for literal in literals):
                    literals = None  # " " is in nearly every line: no filter
            if literals:
                gated.append((i, tuple(literals), re.compile(pattern, flags)))
                self._tests[i] = _never  # out of every alternation: it runs alone
        self._gated = tuple(gated)
        self._heads = [None if refs or test is None or test is _never else match_heads(p, flags) for (p, _), test in zip(patterns, self._tests)]
        self._by_first: dict[str, re.Pattern[str] | None] = {}
        for code in range(32, 127):  # compile the common buckets now, not in the first pages
            self._bucket(chr(code))
        # the texts whose first two characters some pattern's heads name get their own bucket
        # (all compiled now); any other text, its first character's bucket
        pairs = {head for heads in self._heads if heads for head in heads if len(head) == 2}
        self._by_two = {pair: self._alternation(self._indices(pair)) for pair in sorted(pairs)}

    def match(self, text: str) -> object | None:
        """The value paired with the first pattern that `re.match`es `text`, or None."""
        best = self._dispatched(text)
        for i, literals, alone in self._gated:  # in pattern order; loops, not any(): a hot path
            if best is not None and i > best:
                break
            for literal in literals:
                if literal in text:
                    if alone.match(text):
                        return self.patterns[i][1]
                    break
        return None if best is None else self.patterns[best][1]

    def match_lines(self, texts: list[str]) -> list[object | None]:
        """`match` of each text (none holding a newline), with the gated patterns' literals
        looked for once over the joined texts: only the texts holding one run those patterns
        (a per-text `in` check for each gated literal cost more than the dispatch itself)."""
        best: list[int | None] = []
        by_two, by_first = self._by_two, self._by_first
        for text in texts:  # `_dispatched`, inlined: a hot loop
            regex = by_two.get(text[:2], _MISSING)
            if regex is _MISSING:
                regex = by_first.get(text[:1], _MISSING)
                if regex is _MISSING:
                    regex = self._bucket(text[:1])
            m = regex.match(text) if regex is not None else None
            best.append(int(m.lastgroup[1:]) if m else None)
        if self._gated and texts:
            page, starts = "\n".join(texts), line_starts(texts)
            for i, literals, alone in self._gated:  # in pattern order: the first match wins
                for row in _rows_holding(page, starts, literals):
                    if (best[row] is None or i < best[row]) and alone.match(texts[row]):
                        best[row] = i
        patterns = self.patterns
        return [None if i is None else patterns[i][1] for i in best]

    def _dispatched(self, text: str) -> int | None:
        """The first pattern outside the gated ones that matches `text`, or None."""
        regex = self._by_two.get(text[:2], _MISSING) if self._by_two else _MISSING
        if regex is _MISSING:
            first = text[:1]
            regex = self._by_first.get(first, _MISSING)
            if regex is _MISSING:
                regex = self._bucket(first)
        if regex is not None:
            m = regex.match(text)
            if m:
                return int(m.lastgroup[1:])
        return None

    def _bucket(self, first: str) -> re.Pattern[str] | None:
        regex = self._by_first[first] = self._alternation(self._indices(first))
        return regex

    def _indices(self, start: str) -> tuple[int, ...]:
        """The patterns that may match a text starting with `start` (one or two characters;
        for one, a text whose first two are no pattern's heads)."""
        first = start[:1]
        return tuple(
            i for i, (test, heads) in enumerate(zip(self._tests, self._heads))
            if (test is None or (first and test(first))) and (heads is None or any(start.startswith(h) for h in heads if len(h) < 2 or len(start) == 2))
        )

    def _alternation(self, indices: tuple[int, ...]) -> re.Pattern[str] | None:
        if indices not in self._by_indices:
            self._by_indices[indices] = named_alternation([p for p, _ in self.patterns], self.flags, indices)
        return self._by_indices[indices]


_MISSING = object()


def _rows_holding(page: str, starts: list[int], literals: tuple[str, ...]) -> list[int]:
    """Indices, in order, of the lines of `page` (`starts`: `line_starts` of its lines) holding
    one of `literals`; a literal running across a newline names a line that holds none, which
    only costs a test."""
    rows: set[int] = set()
    for literal in literals:
        pos = page.find(literal)
        while pos != -1:
            row = bisect_right(starts, pos) - 1
            rows.add(row)
            pos = page.find(literal, starts[row + 1]) if row + 1 < len(starts) else -1
    return sorted(rows)


def _never(char: str) -> bool:
    return False


BROAD_TEST_CHARS = 26  # a first-character test passing this many printable ASCII characters (a
# whole alphabet) leaves its pattern on most lines


def _passes_most(test) -> bool:
    return sum(1 for code in range(32, 127) if test(chr(code))) >= BROAD_TEST_CHARS
