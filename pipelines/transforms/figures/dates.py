"""Calendar dates ("June 1", "June 02, 2025", "1 September 2019", "June 2018", "2019-09-01")."""
from __future__ import annotations

import datetime as dt
import re

from pipelines.transforms.figures.tables import Grammar


def _closest_year(month: int, day: int, ref: dt.date) -> int | None:
    """A date without a year is read as the occurrence nearest the article's date."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best.year if best else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def date_figure(m: re.Match, g: Grammar, ref: dt.date | None) -> dict | None:
    """One date figure from a `Grammar.date_re` match, or None when it is not a real date."""
    gd = m.groupdict()
    if gd["iso"]:
        year, month, day = int(gd["iy"]), int(gd["im"]), int(gd["id"])
        start, end = m.start("iso"), m.end("iso")
        return _figure(m, start, end, year, month, day, inferred=False) if _valid(year, month, day) else None
    mon = gd["m1"] or gd["m2"] or gd["m3"]
    month = g.months[mon.lower().rstrip(".")]
    if gd["m3"]:  # month + year only: ISO 8601 reduced precision "YYYY-MM"
        return _figure(m, m.start(), m.end(), int(gd["y3"]), month, None, inferred=False)
    day = int(gd["d1"] or gd["d2"])
    year_s = gd["y1"] or gd["y2"]
    if year_s:
        year, inferred = int(year_s), False
    elif ref is not None:
        year, inferred = _closest_year(month, day, ref), True
    else:
        year, inferred = None, False
    if not 1 <= day <= 31 or (year and not _valid(year, month, day)):
        return None
    return _figure(m, m.start(), m.end(), year, month, day, inferred)


def _figure(m, start, end, year, month, day, inferred) -> dict:
    text = m.string[start:end].rstrip(".") if m.string[start:end].endswith(".") else m.string[start:end]
    if year is None:
        iso = None
    elif day is None:
        iso = f"{year:04d}-{month:02d}"
    else:
        iso = f"{year:04d}-{month:02d}-{day:02d}"
    return {"text": text, "char_start": start, "char_end": start + len(text), "value": None,
            "value_high": None, "kind": "date", "unit": None, "currency": None, "qualifier": "exact",
            "subject": None, "iso_date": iso, "date_inferred": inferred, "converted_from": None}
