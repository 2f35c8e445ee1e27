"""Read one figure around a number: what comes before (currency sign, qualifier) and after
(range, scale, unit, currency word, rate, ordinal suffix)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.transforms.figures.numbers import abbrev_value, digits_value, scale_value, words_value
from pipelines.transforms.figures.tables import Grammar

_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_DECADE = re.compile(r"[’']?s\b")
_AGE = re.compile(r"(?:[-\s]?old\b)", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:\S{1,4}\s?)?$", re.I)
_NEG = re.compile(r"(?:(?:^|[\s(])[-−]|\bminus[-\s])$", re.I)
_NAME = re.compile(r"(?:^|[^\w.])([A-Z][A-Za-z&'’]*)\s$")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|from|until|till|to|of|during|before|after|early|late|mid|through|the|and|between)\s+$", re.I)
_RATE = re.compile(r"\s*(?:per|a|an|each|every|/)\s*(?P<noun>[A-Za-z][A-Za-z ]{0,11}?)\b", re.I)
_PRONOUN_ONE = re.compile(r"\b(?:no|the|any|every|each|this|that|which|someone|anyone|some|last|next|another)\s+$", re.I)
_PRONOUN_ONE_AFTER = re.compile(r"\s*(?:another|'s|’s|day\b|by one|time\b|way\b|or (?:another|the other)|thing\b|who|that|which)", re.I)


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


def read_figure(text: str, m: re.Match, g: Grammar) -> Fig | None:
    """A figure for the number `m`, or None when the number is not a figure."""
    if m.group("words"):
        if _is_pronoun_one(text, m):
            return None
        value = words_value(m.group("words"), g)
        if value is None:
            return None
    else:
        value = digits_value(m.group("digits"))
    fig = Fig(start=m.start(), end=m.end(), value=value)
    fig.scaled = bool(m.group("words")) and value >= 100
    _read_before(text, fig, g)
    if m.group("digits") and _read_glued_suffix(text, m, fig):
        return fig
    _read_scale(text, fig, g)
    if not _read_range(text, fig, g):
        return None
    _read_unit(text, fig, g)
    _read_rate(text, fig, g)
    _read_after_qualifier(text, fig, g)
    if fig.kind == "count" and m.group("digits"):
        _maybe_year(text, m, fig)
        if fig.kind == "count" and _looks_like_name(text, fig, g):
            return None
    return fig


def _is_pronoun_one(text: str, m: re.Match) -> bool:
    if m.group("words").lower() != "one":
        return False
    before = text[max(0, m.start() - 12):m.start()]
    return bool(_PRONOUN_ONE.search(before) or _PRONOUN_ONE_AFTER.match(text, m.end()))


def _read_before(text: str, fig: Fig, g: Grammar) -> None:
    before = text[max(0, fig.start - 8):fig.start]
    cm = g.prefix_re.search(before)
    if cm and not (cm.group("cp") in ("R", "PS") and before.endswith(" ")):
        fig.currency = g.currency_prefix[cm.group("cp")]
        fig.kind = "money"
        fig.start -= len(cm.group(0))
    before = text[max(0, fig.start - 24):fig.start]
    if _NEG.search(before):
        fig.value = -fig.value
    qm = g.qual_before_re.search(before)
    if qm:
        fig.qualifier = g.qual_before.get(re.sub(r"\s+", " ", qm.group("q").lower()), "exact")
    fig.extra["range_ok"] = bool(_BETWEEN.search(text[max(0, fig.start - 16):fig.start]))


def _read_glued_suffix(text: str, m: re.Match, fig: Fig) -> bool:
    """Ordinals ("17th") and decades ("1990s"): complete figures on their own."""
    om = _ORDINAL.match(text, m.end())
    if om and "." not in m.group("digits"):
        fig.kind, fig.end = "ordinal", om.end()
        return True
    dm = _DECADE.match(text, m.end())
    if dm and len(m.group("digits")) in (2, 4) and m.group("digits").endswith("0") and not fig.currency:
        fig.kind, fig.end = "year", dm.end()
        fig.value_high = fig.value + 9
        return True
    return False


def _read_scale(text: str, fig: Fig, g: Grammar) -> None:
    sm = g.scale_re.match(text, fig.end)
    if not sm:
        return
    if sm.group("scale"):
        fig.value *= scale_value(sm.group("scale"), g)
    else:
        fig.value *= abbrev_value(sm.group("abbr") or sm.group("sabbr"), g)
    fig.end, fig.scaled = sm.end(), True


def _read_range(text: str, fig: Fig, g: Grammar) -> bool:
    """"10-15 drones", "between 5 and 7 billion", "$10 to $15 billion". False: a score like 2-1."""
    rm = g.range_re.match(text, fig.end)
    if not rm:
        return True
    pos = rm.end()
    cm = re.match(r"[$€£¥₹]|US\$|(?:US|A|NZ|HK|C)\s?\$", text[pos:pos + 4])
    if cm:
        pos += cm.end()
    nm = g.number_re.match(text, pos)
    if not nm or (nm.group("words") and not fig.scaled and nm.group("words").lower() == "a"):
        return True
    high = digits_value(nm.group("digits")) if nm.group("digits") else words_value(nm.group("words"), g)
    if high is None:
        return True
    sep = rm.group("sep")
    if sep in "-–—" and not fig.scaled and high <= fig.value and high < 100 and fig.value < 100 \
            and "." not in nm.group(0) and not fig.currency:
        return False
    probe = Fig(start=nm.start(), end=nm.end(), value=high)
    _read_scale(text, probe, g)
    if probe.scaled and not fig.scaled:
        fig.value *= probe.value / high if high else 1
    high = probe.value
    ok = fig.value < high and (sep not in ("and",) or fig.extra["range_ok"])
    if sep == "or":
        ok = ok and high - fig.value == 1
    if ok:
        fig.value_high, fig.end, fig.scaled = high, probe.end, fig.scaled or probe.scaled
    return True


def _read_unit(text: str, fig: Fig, g: Grammar) -> None:
    if fig.currency:
        mm = g.minor_re.match(text, fig.end)
        if mm and not fig.scaled and _glue_ok(mm, g):
            cur, unit, factor = g.currency_minor[mm.group("minor")]
            fig.unit, fig.end = unit, mm.end()
            fig.value *= factor
            fig.value_high = fig.value_high * factor if fig.value_high else None
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
        _read_age(text, fig, g)
        return
    mm = g.minor_re.match(text, fig.end)
    if mm and _glue_ok(mm, g):
        cur, unit, factor = g.currency_minor[mm.group("minor")]
        fig.kind, fig.currency, fig.unit, fig.end = "money", cur, unit, mm.end()
        fig.value *= factor
        fig.value_high = fig.value_high * factor if fig.value_high else None


def _glue_ok(mm: re.Match, g: Grammar) -> bool:
    return mm.group("gap") == "" or len(mm.group("minor")) > 1


def _read_age(text: str, fig: Fig, g: Grammar) -> None:
    am = _AGE.match(text, fig.end)
    if am and fig.unit in ("year", "month", "week", "day"):
        fig.unit, fig.kind, fig.end = f"{fig.unit}_of_age", "quantity", am.end()


def _read_rate(text: str, fig: Fig, g: Grammar) -> None:
    if fig.kind not in ("money", "quantity", "duration", "count"):
        return
    rm = _RATE.match(text, fig.end)
    if not rm:
        return
    noun = rm.group("noun").strip()
    denom = g.rate_nouns.get(noun) or g.rate_nouns.get(noun.lower())
    if denom is None and " " in noun:
        first = noun.split()[0]
        denom = g.rate_nouns.get(first) or g.rate_nouns.get(first.lower())
        noun = first
    if denom is None or (fig.kind == "count" and denom not in g.time_units):
        return
    fig.end = rm.start("noun") + len(noun)
    fig.unit = f"{fig.unit}_per_{denom}" if fig.unit else f"per_{denom}"
    if fig.kind == "duration":
        fig.kind = "quantity"


def _read_after_qualifier(text: str, fig: Fig, g: Grammar) -> None:
    qm = g.qual_after_re.match(text, fig.end)
    if qm:
        fig.qualifier = g.qual_after[qm.group("q").strip().lower()] if qm.group("q").strip().lower() in g.qual_after else g.qual_after.get(qm.group("q").lower(), fig.qualifier)
        if qm.group("q").strip() in ("+", "-plus", "-odd"):
            fig.end = qm.end()


def _maybe_year(text: str, m: re.Match, fig: Fig) -> None:
    d = m.group("digits")
    if fig.scaled or fig.unit or len(d) != 4 or not d.isdigit() or not 1000 <= int(d) <= 2100:
        return
    nxt = re.match(r"\s+([a-z][a-z-]+)", text[fig.end:fig.end + 30])
    prep = _YEAR_PREP.search(text[max(0, fig.start - 10):fig.start])
    if nxt and nxt.group(1).endswith("s") and not prep and len(nxt.group(1)) > 3:
        return  # "2000 soldiers"
    fig.kind = "year"


def _looks_like_name(text: str, fig: Fig, g: Grammar) -> bool:
    """"Boeing 737", "Windows 11", "S&P 500": a capitalised word glued to a bare number."""
    nm = _NAME.search(text[max(0, fig.start - 30):fig.start])
    if not nm:
        return False
    word = nm.group(1)
    return word not in g.name_allowed and word.lower() not in g.months


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())
