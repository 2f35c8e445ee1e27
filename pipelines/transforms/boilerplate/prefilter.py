"""Cheap necessary conditions for a regex to match, read off its parse tree at load time.

The line rules are data (users add their own patterns), so no prefilter can be written by
hand. Instead each pattern's parse tree (the `re` module's own parser) tells
- which characters a match can start with (`first_char_test`): a line that starts with
  anything else cannot match, so the pattern need not run on it;
- literals one of which every match contains (`required_literals`): a line or page holding
  none of them cannot match.
Both are conservative: whatever the analysis does not understand means "may match", so a
prefilter only ever skips patterns that could not have matched.
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
_CHAR_FLAGS = re.IGNORECASE | re.ASCII  # the flags that change which characters a class takes


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


class FirstMatch:
    """The first of `patterns` (in order) that matches at the start of a text, as one named
    alternation would find it, but run only over the patterns the text's first character
    and literals leave possible: most lines start with a letter no pattern starts with.

    Each (first character, gated-literal mask) gets its own alternation of the patterns
    still possible, compiled once and cached; group `p<i>` is pattern i in every one.
    """

    def __init__(self, patterns: list[tuple[str, object]], flags: int = 0):
        self.patterns = tuple(patterns)
        self.flags = flags
        self._tests = [first_char_test(p, flags) for p, _ in patterns]
        # patterns that may start anywhere ("^.{0,160}...") are the costly ones: gate them
        # on their required literals instead, tested on the whole line
        gates = [required_literals(p, flags) if test is None else None for (p, _), test in zip(patterns, self._tests)]
        self._gated = tuple((i, tuple(g)) for i, g in enumerate(gates) if g)
        self._by_key: dict[object, re.Pattern[str] | None] = {}
        self._by_indices: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._build_for(tuple(range(len(patterns))))  # a bad pattern fails at load, not mid-page

    def match(self, text: str) -> object | None:
        """The value paired with the first pattern that `re.match`es `text`, or None."""
        key: object = text[:1]
        if self._gated:
            key = (key, tuple(any(lit in text for lit in lits) for _, lits in self._gated))
        try:
            regex = self._by_key[key]
        except KeyError:
            regex = self._by_key[key] = self._build(text)
        if regex is None:
            return None
        m = regex.match(text)
        return self.patterns[int(m.lastgroup[1:])][1] if m else None

    def _build(self, text: str) -> re.Pattern[str] | None:
        first = text[:1]
        shut = {i for i, lits in self._gated if not any(lit in text for lit in lits)}
        indices = tuple(
            i for i, test in enumerate(self._tests) if i not in shut and (test is None or (first and test(first)))
        )
        return self._build_for(indices)

    def _build_for(self, indices: tuple[int, ...]) -> re.Pattern[str] | None:
        if indices not in self._by_indices:
            body = "|".join(f"(?P<p{i}>{self.patterns[i][0]})" for i in indices)
            self._by_indices[indices] = re.compile(body, self.flags) if indices else None
        return self._by_indices[indices]
