"""Canonical keys: the normalized form of a mention that decides which entity it belongs to.

A key ignores case, accents, dots ("U.S." = "US"), apostrophe style and hyphens; known spelling
variants (aliases.json) map to one key; person names also drop leading titles and fold
transliteration endings (transliteration.json), so "President Volodymyr Zelenskyy" and
"Volodymyr Zelensky" share the key "volodymyr zelensky".
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

from pipelines.transforms.entities.data import load_json, person_titles

# Hyphens stay inside a word ("Boutros-Ghali" is one surname); dashes and slashes separate words.
_SEPARATORS = re.compile(r"[\s\u2013\u2014_/]+")
_HYPHENS = re.compile(r"[\u2010\u2011]")
_DROPPED = re.compile(r"[.’'‘`\"“”]")
_TITLES = person_titles()
_FOLDS = [(re.compile(p), r) for p, r in load_json("transliteration.json")["folds"]]
# Connecting words skipped when spelling out an acronym ("Institute for the Study of War" = ISW).
_ACRONYM_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "de", "&"})


def normalize(text: str) -> str:
    """Lower-case, accent-free, dot-free, single-spaced; a leading "the" dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _SEPARATORS.sub(" ", _HYPHENS.sub("-", _DROPPED.sub("", plain.casefold()))).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _variant_keys() -> dict[str, str]:
    table = {}
    for group in load_json("aliases.json")["groups"]:
        for variant in group["variants"]:
            table[normalize(variant)] = group["key"]
    return table


def fold_person_words(words: list[str]) -> list[str]:
    return ["-".join(_fold(part) for part in word.split("-")) for word in words]


def _fold(word: str) -> str:
    for pattern, replacement in _FOLDS:
        word = pattern.sub(replacement, word)
    return word


def person_key(text: str) -> str:
    """Key of a name: titles dropped from the front, middle initials dropped ("Donald J. Trump"),
    transliteration endings folded."""
    words = normalize(text).split()
    while len(words) > 1 and (words[0] in _TITLES or f"{words[0]}." in _TITLES):
        words = words[1:]
    words = [w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1)]
    return " ".join(fold_person_words(words))


@lru_cache(maxsize=200_000)  # news repeats the same names endlessly; keys are pure
def canonical_key(text: str) -> str:
    """The key of any mention, whatever its label: a known variant's group key, else the name key.

    Label-independent on purpose: the small model labels one name differently from one sentence
    to the next ("Zelenskyy" as PERSON, ORG and GPE), and all of those must meet on one key.
    """
    return variant_key(text) or person_key(text)


def variant_key(text: str) -> str | None:
    """The aliases.json key for a known spelling variant, else None."""
    return _variant_keys().get(normalize(text))


def acronym(text: str) -> str:
    """Initials of a multi-word name: "International Atomic Energy Agency" -> "iaea"."""
    words = [w for w in normalize(text).split() if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def entity_id(label: str, key: str) -> str:
    """Stable id: the same label and canonical key give the same id in every run."""
    return "ent_" + hashlib.sha1(f"{label}\x1f{key}".encode()).hexdigest()[:16]
