"""Cheap necessary conditions for a regex to match, read off its parse tree at load time.

The line rules are data (users add their own patterns), so no prefilter can be written by
hand. Instead each pattern's parse tree (the `re` module's own parser) tells
- which characters a match can start with (`first_char_test`): a line that starts with
  anything else cannot match, so the pattern need not run on it;
- literals one of which every match contains (`required_literals`): a line or page holding
  none of them cannot match.
Both are conservative: whatever the analysis does not understand means "may match", so a
prefilter only ever skips patterns that could not have matched. `FirstMatch` (anchored line
patterns) and `PageSearch` (patterns searched over a page) put them to work.
"""
from __future__ import annotations

import re
from typing import Callable

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as C
    import sre_parse

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}  # ^, $, \b and lookarounds consume nothing
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """A construct the analysis does not model: the caller assumes the pattern may match."""


def _parse(pattern: str, flags: int):
    parsed = sre_parse.parse(pattern, flags)
    return parsed.data, parsed.state.flags


def first_char_test(pattern: str, flags: int = 0) -> Callable[[str], bool] | None:
    """A test every match's first character passes (for `re.match` at a line's start), or
    None when the pattern may start with anything or match the empty string."""
    try:
        classes, nullable = _first_classes(*_parse(pattern, flags))
    except (_Unknown, re.error, ValueError, TypeError, KeyError):
        return None
    if nullable or not classes:
        return None
    regex = re.compile("|".join(classes))  # each class carries its own scoped flags
    return lambda char: regex.fullmatch(char) is not None


def _first_classes(items, flags: int) -> tuple[list[str], bool]:
    """Regex sources of the one-character classes a match of `items` can start with, and
    whether `items` can match the empty string (then what follows may start it too)."""
    classes: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN):
            classes.append(_class_source(op, av, flags))
            return classes, False
        if op is C.SUBPATTERN:
            _, add, delete, sub = av
            found, nullable = _first_classes(sub.data, (flags | add) & ~delete)
        elif _ATOMIC is not None and op is _ATOMIC:
            found, nullable = _first_classes(av.data, flags)
        elif op is C.BRANCH:
            parts = [_first_classes(branch.data, flags) for branch in av[1]]
            found = [c for part, _ in parts for c in part]
            nullable = any(n for _, n in parts)
        elif op in _REPEATS:
            low, _, sub = av
            found, nullable = _first_classes(sub.data, flags)
            nullable = nullable or low == 0
        else:
            raise _Unknown(op)  # "." and back-references: any character
        classes.extend(found)
        if not nullable:
            return classes, False
    return classes, True


def _class_source(op, av, flags: int) -> str:
    """One character class as regex source, with the flags in force where it stood."""
    if op is C.LITERAL:
        body = re.escape(chr(av))
    elif op is C.NOT_LITERAL:
        body = "[^" + re.escape(chr(av)) + "]"
    else:
        parts = []
        for item_op, item in av:
            if item_op is C.NEGATE:
                parts.insert(0, "^")
            elif item_op is C.LITERAL:
                parts.append(re.escape(chr(item)))
            elif item_op is C.RANGE:
                parts.append(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
            elif item_op is C.CATEGORY and item in _CATEGORIES:
                parts.append(_CATEGORIES[item])
            else:
                raise _Unknown(item_op)
        body = "[" + "".join(parts) + "]"
    scoped = "".join(f for f, bit in (("i", re.IGNORECASE), ("a", re.ASCII)) if flags & bit)
    return f"(?{scoped}:{body})" if scoped else body


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which occurs in every match of `pattern`, or None if none is known.

    Picks the best-separating set the tree offers: "...(\\.\\.\\.|…)$" gives {"...", "…"},
    "sign up for our .{0,60}newsletter" gives {"sign up for our "}."""
    try:
        found = _required(*_parse(pattern, flags))
    except (_Unknown, re.error, ValueError, TypeError, KeyError):
        return None
    return frozenset(found) if found else None


def _score(literals: set[str] | None) -> tuple[int, int]:
    if not literals or "" in literals:
        return (0, 0)
    return (min(map(len, literals)), -len(literals))  # longer literals, fewer of them


def _required(items, flags: int) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []  # consecutive literal characters: one required string

    def offer(candidate: set[str] | None) -> None:
        nonlocal best
        if _score(candidate) > _score(best):
            best = candidate

    for op, av in items:
        if op is C.LITERAL and _literal_is_exact(av, flags):
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue  # adjacent literals stay adjacent in the text
        offer({"".join(run)} if run else None)
        run = []
        if op is C.SUBPATTERN:
            _, add, delete, sub = av
            offer(_required(sub.data, (flags | add) & ~delete))
        elif op is C.BRANCH:
            parts = [_required(branch.data, flags) for branch in av[1]]
            if all(parts):
                offer(set().union(*parts))
        elif op in _REPEATS and av[0] >= 1:
            offer(_required(av[2].data, flags))
    offer({"".join(run)} if run else None)
    return best


def _literal_is_exact(code: int, flags: int) -> bool:
    """Under IGNORECASE only caseless characters ("(", "/", digits) match just themselves."""
    if not flags & re.IGNORECASE:
        return True
    char = chr(code)
    return not char.isalpha() and char.lower() == char.upper() == char and char.isascii()


class PageSearch:
    """Unanchored patterns searched over a whole page, each skipped on a page that holds none
    of its required literals. A literal with a whole word inside (" at ", "all rights
    reserved") can only occur where that word is a whitespace-separated token: those are found
    by one set intersection with the page's words. The rest are scanned for, each once."""

    def __init__(self, patterns: list[tuple[str, object]], flags: int = 0):
        self.patterns = tuple((re.compile(p, flags), value) for p, value in patterns)
        self._always: list[int] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_scan: dict[str, list[int]] = {}
        for i, (pattern, _) in enumerate(patterns):
            literals = required_literals(pattern, flags)
            if not literals:
                self._always.append(i)
                continue
            for literal in sorted(literals):
                inner = [w for w in literal.split(" ")[1:-1] if w and w.split() == [w]]
                if inner:
                    self._by_word.setdefault(max(inner, key=len), []).append(i)
                else:
                    self._by_scan.setdefault(literal, []).append(i)
        self._words = frozenset(self._by_word)

    def candidates(self, page: str) -> list[tuple[re.Pattern[str], object]]:
        """(regex, value) of the patterns, in order, that may match somewhere in `page`."""
        opened = set(self._always)
        for word in self._words.intersection(page.split()):
            opened.update(self._by_word[word])
        for literal, indices in self._by_scan.items():
            if literal in page:
                opened.update(indices)
        return [self.patterns[i] for i in sorted(opened)]


class FirstMatch:
    """The first of `patterns` (in order) that matches at the start of a text, as one named
    alternation would find it, but running only the patterns the text can match.

    - A pattern with a first-character test runs only on texts starting with such a
      character: each first character gets its own alternation of the patterns left,
      compiled once (group `p<i>` is pattern i in all of them).
    - A pattern that may start anywhere ("^.{0,160}...") is the costly kind: when every
      match holds one of a few literals it runs alone, on texts holding one of them.
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
            literals = required_literals(pattern, flags) if test is None and not refs else None
            if literals:
                gated.append((i, tuple(literals), re.compile(pattern, flags)))
                self._tests[i] = _never  # out of every alternation: it runs alone
        self._gated = tuple(gated)
        self._by_first: dict[str, re.Pattern[str] | None] = {}
        for code in range(32, 127):  # compile the common buckets now, not in the first pages
            self._bucket(chr(code))

    def match(self, text: str) -> object | None:
        """The value paired with the first pattern that `re.match`es `text`, or None."""
        first = text[:1]
        regex = self._by_first.get(first, _MISSING)
        if regex is _MISSING:
            regex = self._bucket(first)
        best = None
        if regex is not None:
            m = regex.match(text)
            if m:
                best = int(m.lastgroup[1:])
        for i, literals, alone in self._gated:  # in pattern order; loops, not any(): a hot path
            if best is not None and i > best:
                break
            for literal in literals:
                if literal in text:
                    if alone.match(text):
                        return self.patterns[i][1]
                    break
        return None if best is None else self.patterns[best][1]

    def _bucket(self, first: str) -> re.Pattern[str] | None:
        indices = tuple(i for i, test in enumerate(self._tests) if test is None or (first and test(first)))
        regex = self._by_first[first] = self._alternation(indices)
        return regex

    def _alternation(self, indices: tuple[int, ...]) -> re.Pattern[str] | None:
        if indices not in self._by_indices:
            body = "|".join(f"(?P<p{i}>{self.patterns[i][0]})" for i in indices)
            self._by_indices[indices] = re.compile(body, self.flags) if indices else None
        return self._by_indices[indices]


_MISSING = object()


def _never(char: str) -> bool:
    return False


def starts_anchored(pattern: str, flags: int = 0) -> bool:
    """Whether every match of `pattern` starts where the text does (`^...`, `\\A...` in each
    branch): then `search` finds exactly what `match` finds, without trying each position."""
    try:
        items, parsed_flags = _parse(pattern, flags)
    except re.error:
        return False
    return not parsed_flags & re.MULTILINE and _anchored(items)


def _anchored(items) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is C.AT:
        return av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)
    if op is C.SUBPATTERN:
        return not av[1] & re.MULTILINE and _anchored(av[3].data)
    if op is C.BRANCH:
        return all(_anchored(branch.data) for branch in av[1])
    return False


def uses_group_refs(pattern: str, flags: int = 0) -> bool:
    """Whether `pattern` refers back to a group (`\\1`, `(?P=name)`, `(?(1)...)`)."""
    try:
        items, _ = _parse(pattern, flags)
    except re.error:
        return True
    stack = [items]
    while stack:
        for op, av in stack.pop():
            if op in (C.GROUPREF, C.GROUPREF_EXISTS):
                return True
            for part in av if isinstance(av, (tuple, list)) else (av,):
                if isinstance(part, sre_parse.SubPattern):
                    stack.append(part.data)
                elif isinstance(part, list):
                    stack.extend(x.data for x in part if isinstance(x, sre_parse.SubPattern))
    return False
