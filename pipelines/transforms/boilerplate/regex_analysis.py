"""What a regex's parse tree says about its matches, read at load time (the `re` module's own parser).

- which characters a match can start with (`first_char_test`);
- literals one of which every match contains (`required_literals`);
- whether every match starts where the text does (`starts_anchored`);
- whether it refers back to a group (`uses_group_refs`).
Conservative throughout: whatever the analysis does not understand means "may match", so the
prefilters built on it (prefilter.py) only ever skip patterns that could not have matched.
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


MAX_HEADS = 300  # more possible openings than this: no use as a dispatch key


def match_heads(pattern: str, flags: int = 0, size: int = 2) -> frozenset[str] | None:
    """The strings every match's first `size` characters are one of (a shorter string: a match
    that may end there, followed by anything in the text), or None when the analysis cannot
    tell or the set is too large. "(home|menu)" gives {"ho", "me"}; "a(b|$)" gives {"ab", "a"}.
    Over-approximate, like everything here: zero-width assertions are taken to pass."""
    try:
        items, parsed_flags = _parse(pattern, flags)
        heads = _heads(items, parsed_flags, size)
    except (_Unknown, re.error, ValueError, TypeError, KeyError):
        return None
    return frozenset(heads)


def _heads(items, flags: int, size: int) -> set[str]:
    heads = {""}
    for op, av in items:
        if all(len(h) >= size for h in heads):
            break  # what follows lies past the first `size` characters
        heads = _join(heads, _item_heads(op, av, flags, size), size)
    return heads


def _join(heads: set[str], following: set[str], size: int) -> set[str]:
    joined = {h if len(h) >= size else (h + f)[:size] for h in heads for f in following}
    if len(joined) > MAX_HEADS:
        raise _Unknown("too many heads")
    return joined


def _item_heads(op, av, flags: int, size: int) -> set[str]:
    if op is C.LITERAL:
        return {_exact_char(av, flags)}
    if op is C.IN:
        return _class_chars(av, flags)
    if op in _ZERO_WIDTH:
        return {""}
    if op is C.SUBPATTERN:
        _, add, delete, sub = av
        return _heads(sub.data, (flags | add) & ~delete, size)
    if _ATOMIC is not None and op is _ATOMIC:
        return _heads(av.data, flags, size)
    if op is C.BRANCH:
        return set().union(*(_heads(branch.data, flags, size) for branch in av[1]))
    if op in _REPEATS:
        low, high, sub = av
        piece = _heads(sub.data, flags, size)
        # after `size` repetitions the first `size` characters are settled
        found, reps = set(), {""}
        for n in range(min(high, max(low, size)) + 1):
            if n >= low:
                found |= reps
            reps = _join(reps, piece, size)
        return found
    raise _Unknown(op)  # ".", categories, negated classes: any of many characters


def _exact_char(code: int, flags: int) -> str:
    char = chr(code)
    if flags & re.IGNORECASE and char.lower() != char.upper():
        raise _Unknown("case-folded letter")
    return char


def _class_chars(items, flags: int) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(_exact_char(av, flags))
        elif op is C.RANGE and av[1] - av[0] < 64:
            chars.update(_exact_char(code, flags) for code in range(av[0], av[1] + 1))
        else:
            raise _Unknown(op)  # negation, categories, wide ranges
    return chars
