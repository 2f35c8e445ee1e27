"""Turn the surface of a number ("1,000", "12.7", "two hundred and fifty") into a float."""
from __future__ import annotations

import re

from pipelines.transforms.figures.tables import Grammar

_SPLIT = re.compile(r"[\s-]+")


def digits_value(surface: str) -> float:
    return float(surface.replace(",", ""))


def words_value(surface: str, g: Grammar) -> float | None:
    """Classic accumulate: small numbers add, scales multiply ("two hundred and five thousand")."""
    total, current = 0.0, 0.0
    for tok in _SPLIT.split(surface.lower()):
        if tok in ("and", ""):
            continue
        if tok == "a":
            current = 1.0
        elif tok in g.ones:
            current += g.ones[tok]
        elif tok in g.tens:
            current += g.tens[tok]
        elif tok in g.scales:
            scale = g.scales[tok]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def scale_value(words: str, g: Grammar) -> float:
    """"million", "hundred million", "-billion": the product of the scale words."""
    value = 1.0
    for word in _SPLIT.split(words.lower()):
        if word:
            value *= g.scales.get(word) or g.scales.get(word[:-1]) or 1
    return value


def abbrev_value(abbr: str, g: Grammar) -> float:
    return float(g.scale_abbrev.get(abbr) or g.scale_abbrev.get(abbr.lower()) or 1)
