"""Text keys for linking: the exact-body key, word shingles, and content terms for TF-IDF."""
from __future__ import annotations

import hashlib
import re
from functools import cache

from pipelines.settings import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT / "pipelines" / "data" / "links"

_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_SPACE = re.compile(r"\s+")
# Possessive and plural endings: "Russia's bombers" and "Russian bomber" share the term "bomber".
_POSSESSIVE = re.compile(r"['’]s$")


@cache
def stopwords() -> frozenset[str]:
    lines = (DATA_DIR / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def body_key(body: str) -> str:
    """Same key <=> same cleaned body, up to whitespace (how paragraphs were joined is not content)."""
    return hashlib.sha1(_SPACE.sub(" ", body).strip().encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """Lower-cased word tokens; numbers like 1,000 and 4.2 stay one token."""
    return _WORD.findall(text.lower().replace("’", "'"))


def stem(word: str) -> str:
    """A light stemmer: possessive and plural -s only, so names and numbers are left intact."""
    word = _POSSESSIVE.sub("", word)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_terms(tokens: list[str]) -> list[str]:
    """The terms TF-IDF weighs: tokens that are not function words, lightly stemmed."""
    stop = stopwords()
    return [stem(t) for t in tokens if t not in stop and len(t) > 1]


def numbers(tokens: list[str]) -> list[str]:
    """Numeric tokens, thousands separators dropped ("1,000" == "1000")."""
    return [t.replace(",", "") for t in tokens if t[0].isdigit()]
