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
