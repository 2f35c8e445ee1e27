"""What follows a number: scale ("million", "bn"), range ("-15", "to $7 billion"), unit, currency
word, minor currency ("cents"), age ("-year-old") and rate ("per barrel", "a month")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.transforms.figures.lookup import lookup, phrases_after
from pipelines.transforms.figures.numbers import digits_value, words_value
from pipelines.transforms.figures.tables import Grammar

_AGE = re.compile(r"[-\s]?old\b", re.I)
_METRE_CONTEXT = re.compile(r"\s*\(|[-\s](?:long|tall|high|wide|deep|away|below|above|thick|metres?)\b")
_RATE_HEAD = re.compile(r"[\s-]*(?:(?:per|an|a|each|every)[\s-]+|/)")
_RATE_NOT = re.compile(r"\s+(?:earlier|ago|later|before|after|on|from)\b")
_SPACED_ABBREV = {"bn", "tn", "mn", "mln", "bln", "trn", "M", "B"}


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
    """"million", "hundred million", "-billion", glued "bn"/"m"/"k", spaced "bn"/"M"."""
    factor, pos = 1.0, fig.end
    while True:
        ph = phrases_after(text, pos, 1)
        if not ph or ph[-1][2] not in (" ", "-", "  "):
            break
        word = ph[-1][0].lower()
        if word not in g.scales:
            break
        factor, pos = factor * g.scales[word], ph[-1][1]
    if pos == fig.end:
        ph = phrases_after(text, pos, 1)
        if not ph:
            return
        abbr, end, gap = ph[-1]
        if abbr not in g.scale_abbrev or not (gap == "" or (gap == " " and abbr in _SPACED_ABBREV)):
            return
        if abbr == "m" and not fig.currency and _METRE_CONTEXT.match(text, end):
            return  # "37m (121ft)-long": metres, left for read_unit
        factor, pos = float(g.scale_abbrev[abbr]), end
    fig.value *= factor
    fig.end, fig.scaled = pos, True


def prefix_at(text: str, pos: int, g: Grammar) -> int:
    """Length of a currency sign/code at `pos` that is followed by a digit ("$", "US$", "RM"), else 0."""
    for k in (4, 3, 2, 1):
        cand = text[pos:pos + k]
        nxt = text[pos + k:pos + k + 2]
        if cand in g.currency_prefix and (nxt[:1].isdigit() or (nxt[:1] == " " and nxt[1:2].isdigit())):
            return k + (1 if nxt[:1] == " " else 0)
    return 0


def _number_at(text: str, pos: int, g: Grammar):
    pos += prefix_at(text, pos, g)
    nm = g.number_at_re.match(text, pos)
    if nm and not nm.group("slash"):
        return nm, digits_value(nm.group("digits"))
    wm = g.words_at_re.match(text, pos)
    if wm and wm.group().lower() not in ("a", "one"):
        value = words_value(wm.group(), g)
        return (wm, value) if value is not None else None
    return None


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
    low, base = fig.value, _unscaled(nm, high, g)
    if (probe.scaled or base != high) and not fig.scaled and fig.value < base:
        low = fig.value * probe.value / base  # "5 and 7 billion", "$10 to $15 billion", "four to five thousand"
    if sep in "-–" and 1800 <= fig.value <= 2200 and len(nm.group()) == 2 and not fig.scaled:
        probe.value = (fig.value // 100) * 100 + high  # "2014-15": a season or fiscal year
    if unit_first:
        unit = _unit_after(text, probe.end, g)
        if not unit or unit[0][0] != fig.unit:
            return True
        probe.end = unit[1]
    if _range_ok(fig, probe.value, sep) and low < probe.value:
        fig.value, fig.value_high, fig.end = low, probe.value, probe.end
        fig.scaled = fig.scaled or probe.scaled
    return True


def _unscaled(nm: re.Match, value: float, g: Grammar) -> float:
    """"five thousand" -> 5: the high end of a word range without its trailing scale words."""
    words = nm.group().lower().split()
    if "words" not in nm.groupdict() or len(words) < 2:
        return value
    while len(words) > 1 and words[-1] in g.scales:
        words.pop()
    return words_value(" ".join(words), g) or value


def _range_ok(fig: Fig, high: float, sep: str) -> bool:
    if not fig.value < high:
        return False
    if sep == "and":
        return fig.extra.get("between", False)
    if sep == "or":
        return False  # "eight or nine euros", "a 7- or 8-inch screen": two figures
    if sep == "to" and fig.extra.get("by") and high > 2 * fig.value:
        return False  # "increased by $43.6 billion to $419.2 billion": a change; "by 1 to 1.5 degrees" is a range
    if sep == "to" and fig.value == int(fig.value) and 1000 <= fig.value <= 2200 and not fig.scaled \
            and not 1000 <= high <= 2200:
        return False  # "in 2018 to 3.9 million headsets"
    return True


def _unit_after(text: str, pos: int, g: Grammar):
    """((unit, kind), end) of the longest unit surface right after `pos`, honouring glued-only ones."""
    for phrase, end, gap in _candidates(text, pos):
        hit = lookup(g.units, g.units_folded, phrase)
        if hit and (gap == "" or phrase not in g.glued_only):
            return hit, end
    return None


def _candidates(text: str, pos: int) -> list[tuple[str, int, str]]:
    """Phrases after `pos`, plus the part of a first word before a slash ("kV" of "kV/cm")."""
    out = list(phrases_after(text, pos))  # a copy: phrases_after results are cached
    if out and "/" in out[-1][0] and not out[-1][0].startswith("/"):
        phrase, end, gap = out[-1]
        head = phrase.split("/", 1)[0]
        out.append((head, end - len(phrase) + len(head), gap))
    return out


def read_unit(text: str, fig: Fig, g: Grammar) -> None:
    for phrase, end, gap in _candidates(text, fig.end):
        if fig.currency:
            if phrase in g.currency_minor and not fig.scaled and _glue_ok(phrase, gap):
                _apply_minor(fig, phrase, end, g, keep_currency=True)
                return
            continue
        code = g.currency_words.get(phrase) or g.currency_words_folded.get(phrase.lower())
        if code:
            fig.kind, fig.currency, fig.end = "money", code, end
            return
        hit = lookup(g.units, g.units_folded, phrase)
        if hit and (gap == "" or phrase not in g.glued_only):
            _apply_unit(text, fig, hit, end)
            return
        if phrase in g.currency_minor and _glue_ok(phrase, gap):
            _apply_minor(fig, phrase, end, g, keep_currency=False)
            return


def _apply_unit(text: str, fig: Fig, hit: tuple, end: int) -> None:
    unit, kind = hit
    if unit == "pound_mass" and fig.scaled:  # "5 million pounds" is money, "208 pounds" is weight
        fig.kind, fig.currency, fig.end = "money", "GBP", end
        return
    fig.unit, fig.kind, fig.end = unit, kind, end
    am = _AGE.match(text, end)
    if am and unit in ("year", "month", "week", "day"):
        fig.unit, fig.kind, fig.end = f"{unit}_of_age", "quantity", am.end()


def _apply_minor(fig: Fig, phrase: str, end: int, g: Grammar, *, keep_currency: bool) -> None:
    cur, unit, factor = g.currency_minor[phrase]
    fig.kind, fig.unit, fig.end = "money", unit, end
    fig.currency = fig.currency if keep_currency else cur
    fig.value *= factor
    fig.value_high = fig.value_high * factor if fig.value_high else None


def _glue_ok(phrase: str, gap: str) -> bool:
    # "164p", "68 p at", "50 cents"; but not "5 c" in prose
    if phrase == "p":
        return gap in ("", " ")
    return gap == "" or len(phrase) > 1


def read_rate(text: str, fig: Fig, g: Grammar) -> None:
    if fig.kind not in ("money", "quantity", "duration", "count", "percent"):
        return
    rm = _RATE_HEAD.match(text, fig.end)
    if not rm:
        return
    for phrase, end, _ in phrases_after(text, rm.end(), 2):
        denom = g.rate_nouns.get(phrase) or g.rate_nouns.get(phrase.lower())
        if denom:
            break
    else:
        return
    if _RATE_NOT.match(text, end) or (fig.kind in ("count", "percent", "duration") and denom not in g.time_units):
        return
    fig.end = end
    fig.unit = f"{fig.unit}_per_{denom}" if fig.unit else f"per_{denom}"
    if fig.kind == "duration":
        fig.kind = "quantity"
