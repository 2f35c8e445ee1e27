"""Lines a site repeats across many of its articles (footers, nav, promos), learned from
the corpus being loaded, so a site's boilerplate is found without writing a rule."""
from __future__ import annotations

import unicodedata
from collections import Counter

_NONZERO_DIGITS = "123456789"  # every digit maps to 0: "© 2019" and "© 2020" share a key
# what `str.split()` splits on besides the space and the newline, the ASCII ones first
# (tests/unit/test_boilerplate_prefilter.py checks the list against all of Unicode)
_OTHER_WHITESPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_WHITESPACE = 8
_EDGE_PUNCT = " \t-–—|•·:;,.!?*#>»«\"'“”‘’()[]"


def normalize_line(line: str) -> str:
    """Case-, space- and number-insensitive key: "© 2019 Foo" and "© 2020 foo" share it."""
    return normalize_lines([line.replace("\n", " ")])[0]  # a newline is whitespace like any other here


def normalize_lines(lines: list[str]) -> list[str]:
    """`normalize_line` of each line (none may hold a newline), run over the joined page: one
    NFKC, lower-casing and digit mapping per page instead of per line. None of them carries
    across a newline (lower-casing's one contextual rule, the final sigma, stops there too), so
    each line gets the key it would get alone."""
    if not lines:
        return []
    text = nfkc_lines("\n".join(lines)).lower()
    for digit in _NONZERO_DIGITS:  # nine str.replace: a fifth of one re.sub("[1-9]", "0") pass
        text = text.replace(digit, "0")
    if _single_spaced(text):  # most pages: no line has whitespace for split and join to change
        return [x.strip(_EDGE_PUNCT) for x in text.split("\n")]  # (" " is an edge character)
    return [" ".join(x.split()).strip(_EDGE_PUNCT) for x in text.split("\n")]


def _single_spaced(text: str) -> bool:
    """No two spaces in a row and no whitespace but the space and the newline: then on each line
    `" ".join(x.split())` only drops a space at either end."""
    if "  " in text:
        return False
    others = _OTHER_WHITESPACE if not text.isascii() else _OTHER_WHITESPACE[:_ASCII_WHITESPACE]
    return not any(char in text for char in others)  # one memchr-fast scan each


def nfkc_lines(page: str) -> str:
    """`unicodedata.normalize("NFKC", page)` for a page of lines joined by newlines: only the
    lines the quick check does not pass are normalized (a page's "…" or no-break space would
    otherwise cost a normalization of the whole page). Same result: no line's normalization
    reaches across a newline."""
    if unicodedata.is_normalized("NFKC", page):
        return page
    return "\n".join([x if unicodedata.is_normalized("NFKC", x) else unicodedata.normalize("NFKC", x) for x in page.split("\n")])


def learn_site_lines(texts: list[str], *, min_share: float = 0.3, min_docs: int = 3) -> frozenset[str]:
    """Normalized lines found in at least `min_docs` and `min_share` of one site's `texts`.

    A line counts once per document. Sites with fewer than `min_docs` documents teach nothing:
    with two articles a shared line may just as well be a shared quote.
    """
    if len(texts) < min_docs:
        return frozenset()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({key for key in normalize_lines(text.split("\n")) if key})
    needed = max(min_docs, min_share * len(texts))
    return frozenset(key for key, n in counts.items() if n >= needed)
