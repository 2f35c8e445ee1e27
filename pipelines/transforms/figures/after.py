"""What follows a number: scale ("million", "bn"), range ("-15", "to $7 billion"), unit, currency
word, minor currency ("cents"), age ("-year-old") and rate ("per barrel", "a month")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.transforms.figures.numbers import abbrev_value, digits_value, scale_value, words_value
from pipelines.transforms.figures.tables import Grammar

_AGE = re.compile(r"(?:[-\s]?old\b)", re.I)
_METRE_CONTEXT = re.compile(r"\s*\(|[-\s](?:long|tall|high|wide|deep|away|below|above|deep|thick|metres?)\b")
_RATE = re.compile(r"\s*(?:per|a|an|each|every|/)\s*(?P<noun>[A-Za-z]+(?:\s[A-Za-z]+)?)(?!\s+(?:earlier|ago|later|before|after|on|from)\b)", re.I)


@dataclass
class Fig:
    start: int
    end: int
    value: float
    value_high: float | None = None
    kind: str = "count"
    unit: str | None = None
    currency: str | None = None
    qualifier: str = "exact"
    subject: str | None = None
    scaled: bool = False
    extra: dict = field(default_factory=dict)


def read_scale(text: str, fig: Fig, g: Grammar) -> None:
    sm = g.scale_re.match(text, fig.end)
    if not sm:
        return
    if sm.group("scale"):
        fig.value *= scale_value(sm.group("scale"), g)
    else:
        abbr = sm.group("abbr") or sm.group("sabbr")
        if abbr == "m" and not fig.currency and _METRE_CONTEXT.match(text, sm.end()):
            return  # "37m (121ft)-long": metres, left for read_unit
        fig.value *= abbrev_value(abbr, g)
    fig.end, fig.scaled = sm.end(), True


def _number_at(text: str, pos: int, g: Grammar):
    cm = g.prefix_at_re.match(text, pos)
    nm = g.number_re.match(text, cm.end() if cm else pos)
    if not nm or nm.group("slash") or (nm.group("words") or "").lower() in ("a", "one"):
        return None
    value = digits_value(nm.group("digits")) if nm.group("digits") else words_value(nm.group("words"), g)
    return None if value is None else (nm, value)


def read_range(text: str, fig: Fig, g: Grammar, *, unit_first: bool = False) -> bool:
    """"10-15 drones", "between 5 and 7 billion", "$10 to $15 billion", "5% to 10%".

    Returns False for a score-like pair ("2-1"), which is no figure at all.
    """
    rm = g.range_re.match(text, fig.end)
    found = rm and _number_at(text, rm.end(), g)
    if not found:
        return True
    nm, high = found
    sep = rm.group("sep")
    if sep in "-–—" and not fig.scaled and not unit_first and high <= fig.value < 100 \
            and "." not in nm.group(0) and not fig.currency:
        return False
    probe = Fig(start=nm.start(), end=nm.end(), value=high)
    read_scale(text, probe, g)
    if probe.scaled and not fig.scaled and fig.value < high:
        fig.value *= probe.value / high  # "5 and 7 billion", "$10 to $15 billion"
    if _is_season(fig, nm, sep):
        high = (fig.value // 100) * 100 + high
        probe.value = high
    if unit_first:
        um = g.unit_re.match(text, probe.end)
        if not um or g.unit_for(um.group("unit"))[0] != fig.unit:
            return True
        probe.end = um.end()
    if _range_ok(text, fig, probe.value, sep):
        fig.value_high, fig.end, fig.scaled = probe.value, probe.end, fig.scaled or probe.scaled
    return True


def _is_season(fig: Fig, nm: re.Match, sep: str) -> bool:
    """"2014-15": a season or fiscal year, the second part is the last two digits."""
    d = nm.group("digits") or ""
    return sep in "-–" and 1800 <= fig.value <= 2200 and len(d) == 2 and not fig.scaled


def _range_ok(text: str, fig: Fig, high: float, sep: str) -> bool:
    if not fig.value < high:
        return False
    if sep == "and":
        return fig.extra.get("between", False)
    if sep == "or":
        return high - fig.value == 1
    if sep == "to" and fig.extra.get("by") and high > 2 * fig.value:
        return False  # "increased by $43.6 billion to $419.2 billion": a change; "by 1 to 1.5 degrees" is a range
    if sep == "to" and fig.value == int(fig.value) and 1000 <= fig.value <= 2200 and not fig.scaled \
            and not 1000 <= high <= 2200:
        return False  # "in 2018 to 3.9 million headsets"
    return True


def read_unit(text: str, fig: Fig, g: Grammar) -> None:
    if fig.currency:
        mm = g.minor_re.match(text, fig.end)
        if mm and not fig.scaled and _glue_ok(mm):
            _apply_minor(fig, mm, g, keep_currency=True)
        return
    cw = g.currency_word_re.match(text, fig.end)
    if cw:
        fig.kind, fig.currency, fig.end = "money", g.currency_word[_norm(cw.group("cw"))], cw.end()
        return
    um = g.unit_re.match(text, fig.end)
    if um and (um.group("gap") == "" or um.group("unit") not in g.glued_only):
        unit, kind = g.unit_for(um.group("unit"))
        if unit == "pound_mass" and fig.scaled:
            fig.kind, fig.currency, fig.end = "money", "GBP", um.end()
            return
        fig.unit, fig.kind, fig.end = unit, kind, um.end()
        _read_age(text, fig)
        return
    mm = g.minor_re.match(text, fig.end)
    if mm and _glue_ok(mm):
        _apply_minor(fig, mm, g, keep_currency=False)


def _apply_minor(fig: Fig, mm: re.Match, g: Grammar, *, keep_currency: bool) -> None:
    cur, unit, factor = g.currency_minor[mm.group("minor")]
    fig.kind, fig.unit, fig.end = "money", unit, mm.end()
    fig.currency = fig.currency if keep_currency else cur
    fig.value *= factor
    fig.value_high = fig.value_high * factor if fig.value_high else None


def _glue_ok(mm: re.Match) -> bool:
    return mm.group("gap") == "" or len(mm.group("minor")) > 1


def _read_age(text: str, fig: Fig) -> None:
    am = _AGE.match(text, fig.end)
    if am and fig.unit in ("year", "month", "week", "day"):
        fig.unit, fig.kind, fig.end = f"{fig.unit}_of_age", "quantity", am.end()


def read_rate(text: str, fig: Fig, g: Grammar) -> None:
    if fig.kind not in ("money", "quantity", "duration", "count", "percent"):
        return
    rm = _RATE.match(text, fig.end)
    if not rm:
        return
    noun = rm.group("noun")
    denom = g.rate_nouns.get(noun) or g.rate_nouns.get(noun.lower())
    if denom is None and " " in noun:  # "per square foot" is two words, "a year earlier" is one
        noun = noun.split()[0]
        denom = g.rate_nouns.get(noun) or g.rate_nouns.get(noun.lower())
    if denom is None or (fig.kind in ("count", "percent", "duration") and denom not in g.time_units):
        return
    fig.end = rm.start("noun") + len(noun)
    fig.unit = f"{fig.unit}_per_{denom}" if fig.unit else f"per_{denom}"
    if fig.kind == "duration":
        fig.kind = "quantity"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())
