"""Read one figure around a number: what comes before it (currency sign, qualifier, sign) and,
via `after`, what follows; then decide year vs count and drop names ("Boeing 737")."""
from __future__ import annotations

import re

from pipelines.transforms.figures.after import Fig, read_range, read_rate, read_scale, read_unit
from pipelines.transforms.figures.lookup import phrase_before
from pipelines.transforms.figures.numbers import digits_value, words_value
from pipelines.transforms.figures.tables import Grammar

_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_DECADE = re.compile(r"[’']?s\b")
_NAME = re.compile(r"(?:^|[^\w.])([A-Z][A-Za-z&'’]*)\s$")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|from|until|till|to|of|during|before|after|early|late|mid|through|"
                        r"the|and|between|pre|post)[\s-]+$", re.I)
_PRONOUN_ONE = re.compile(r"\b(?:no|the|any|every|each|this|that|which|someone|anyone|some|last|next|another|"
                          r"same|little|only|right|wrong|big|new|old|good|bad|on)\s+$", re.I)
_PRONOUN_ONE_AFTER = re.compile(r"\s*(?:another|'s|’s|day\b|by one|time\b|way\b|or (?:another|the other)|"
                                r"thing\b|who|that|which|in order|[,.;:!?)]|$|\d|[$€£])", re.I)
_AGE_COMMA = re.compile(r"[A-Z][a-z]+,\s$")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")
_MIXED_FRACTION = re.compile(r"[- ]([1-9])/([1-9]\d?)(?![\d/])")
_SLASH_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128}


class _Groups:
    """A match from either number_at_re (slash, digits) or words_at_re (words), read uniformly."""

    __slots__ = ("m", "d", "digits", "words", "s", "e")

    def __init__(self, m: re.Match):
        self.m, self.d = m, m.groupdict()
        self.digits, self.words = self.d.get("digits"), self.d.get("words")
        self.s, self.e = m.span()

    def group(self, name=0):
        return self.m.group() if name == 0 else self.d.get(name)

    def start(self):
        return self.s

    def end(self):
        return self.e


def read_figure(text: str, m: re.Match, g: Grammar) -> Fig | None:
    """A figure for the number `m` (number_at_re or words_at_re match), or None when it is not a figure."""
    m = _Groups(m)
    value = _value(text, m, g)
    if value is None:
        return None
    fig = Fig(start=m.start(), end=m.end(), value=value)
    fig.scaled = bool(m.words) and value >= 100
    mixed = _MIXED_FRACTION.match(text, fig.end) if m.digits and m.digits.isdigit() else None
    if mixed and int(mixed.group(1)) < int(mixed.group(2)):
        fig.value += int(mixed.group(1)) / int(mixed.group(2))  # "1-1/2 pct", "7 1/4 inches"
        fig.end = mixed.end()
    _read_before(text, fig, g)
    if m.digits and _read_glued_suffix(text, m, fig):
        return fig
    read_scale(text, fig, g)
    if not read_range(text, fig, g):
        return None
    read_unit(text, fig, g)
    if m.group("slash") and fig.kind == "count":
        _read_fraction_of_unit(text, fig, g)
    if fig.unit and fig.value_high is None:
        read_range(text, fig, g, unit_first=True)
    read_rate(text, fig, g)
    _read_after_qualifier(text, fig, g)
    if fig.kind == "count" and m.digits:
        return _bare_number(text, m, fig, g)
    if fig.kind == "count" and m.words and _capitalised_mid_sentence(text, m):
        return None  # "Kick Six", "BBC One"
    return fig


_OF_A = re.compile(r"\s+of\s+an?\s+(?:US\s+|U\.S\.\s+|imperial\s+)?")


def _read_fraction_of_unit(text: str, fig: Fig, g: Grammar) -> None:
    """"1/16 of a US pint" is a sixteenth of a pint: a quantity in pints."""
    om = _OF_A.match(text, fig.end)
    if om:
        probe = Fig(start=om.end(), end=om.end(), value=fig.value)
        read_unit(text, probe, g)
        if probe.unit:
            fig.unit, fig.kind, fig.end = probe.unit, probe.kind, probe.end


def _value(text: str, m: re.Match, g: Grammar) -> float | None:
    if m.group("slash"):
        num, den = int(m.group("num")), int(m.group("den"))
        return num / den if num < den and den in _SLASH_DENOMINATORS else None  # "9/11", "24/7": not figures
    if m.group("words"):
        return None if _is_pronoun_one(text, m) else words_value(m.group("words"), g)
    return digits_value(m.group("digits"))


def _is_pronoun_one(text: str, m: re.Match) -> bool:
    if m.group("words").lower() != "one":
        return False
    before = text[max(0, m.start() - 12):m.start()]
    return bool(_PRONOUN_ONE.search(before) or _PRONOUN_ONE_AFTER.match(text, m.end()))


def _capitalised_mid_sentence(text: str, m: re.Match) -> bool:
    return m.group()[0].isupper() and not _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()])


def _currency_before(text: str, pos: int, g: Grammar) -> tuple[str, int] | None:
    """("USD", start) for "$", "US$", "US $", "Rs ", "€" right before `pos`; letters must start a word."""
    for gap in (0, 1):
        if gap and text[pos - 1:pos] != " ":
            break
        end = pos - gap
        for k in (4, 3, 2, 1):
            cand = text[end - k:end] if end - k >= 0 else ""
            if cand in g.currency_prefix and not (cand[0].isalpha() and text[end - k - 1:end - k].isalpha()):
                if gap and cand in ("R", "PS", "Y="):
                    continue  # "R 5", "PS 5": too ambiguous with a space
                return g.currency_prefix[cand], end - k
    return None


def _read_before(text: str, fig: Fig, g: Grammar) -> None:
    cur = _currency_before(text, fig.start, g)
    if cur:
        fig.currency, fig.kind, fig.start = cur[0], "money", cur[1]
    sign = _sign_length(text, fig.start)
    if sign:
        fig.value = -fig.value
        fig.start -= sign  # the sign is part of the figure: "-1.3%", "minus-5 yards"
    fig.qualifier = phrase_before(text, fig.start, g.qual_before) or "exact"
    last = text[max(0, fig.start - 16):fig.start].lower().split()[-2:]
    # "between 5 and 7", "from $10 to $15" (a short currency word may sit in between)
    fig.extra["between"] = bool(last) and (last[-1] in _RANGE_OPENERS or (len(last) == 2 and len(last[-1]) <= 4
                                                                           and last[0] in _RANGE_OPENERS))
    fig.extra["by"] = bool(last) and (last[-1] == "by" or (len(last) == 2 and len(last[-1]) <= 4 and last[0] == "by"))


_RANGE_OPENERS = {"between", "from"}


def _sign_length(text: str, pos: int) -> int:
    """Length of a minus sign right before `pos` ("-1.3%" after a space or bracket, "minus-5", "minus 5")."""
    if pos and text[pos - 1] in "-−" and (pos == 1 or text[pos - 2] in " (\n\t$€£"):
        return 1
    low = text[max(0, pos - 6):pos].lower()
    return 6 if low in ("minus-", "minus ") else 0


def _read_glued_suffix(text: str, m: re.Match, fig: Fig) -> bool:
    """Ordinals ("17th"), decades ("1990s") and possessive years ("2018's"): complete on their own."""
    digits = m.group("digits")
    om = _ORDINAL.match(text, m.end())
    if om and "." not in digits and "," not in digits:
        fig.kind, fig.end = "ordinal", om.end()
        return True
    dm = _DECADE.match(text, m.end())
    if dm and len(digits) in (2, 4) and digits.isdigit() and not fig.currency:
        if digits.endswith("0"):
            fig.kind, fig.end, fig.value_high = "year", dm.end(), fig.value + 9
        else:
            fig.kind = "year"
        return len(digits) == 4 or digits.endswith("0")
    return False


def _read_after_qualifier(text: str, fig: Fig, g: Grammar) -> None:
    qm = g.qual_after_re.match(text, fig.end)
    if qm:
        key = qm.group("q").strip().lower()
        fig.qualifier = g.qual_after.get(key, g.qual_after.get(qm.group("q").lower(), fig.qualifier))
        if key in ("+", "-plus", "-odd"):
            fig.end = qm.end()


def _bare_number(text: str, m: re.Match, fig: Fig, g: Grammar) -> Fig | None:
    """A digit run with no unit: a year, an age ("Senard, 65,"), a name ("Boeing 737") or a count."""
    if _is_year(text, m, fig):
        fig.kind = "year"
        return fig
    if _AGE_COMMA.search(text[max(0, fig.start - 20):fig.start]) and text.startswith(",", fig.end) \
            and fig.value < 120 and fig.value == int(fig.value):
        fig.kind, fig.unit = "quantity", "year_of_age"
        return fig
    if _looks_like_name(text, fig, g):
        return None
    before = text[max(0, fig.start - 9):fig.start]
    if (before.endswith(" aged ") or before.endswith("Aged ")) and fig.value < 120:
        fig.kind, fig.unit = "quantity", "year_of_age"  # "men aged 18 to 34"
    return fig


def _is_year(text: str, m: re.Match, fig: Fig) -> bool:
    d = m.group("digits")
    if fig.scaled or fig.unit or len(d) != 4 or not d.isdigit() or not 1000 <= int(d) <= 2200:
        return False
    if fig.qualifier not in ("exact",) or fig.currency:
        return False
    nxt = re.match(r"\s+([a-z][a-z-]+)", text[fig.end:fig.end + 30])
    prep = _YEAR_PREP.search(text[max(0, fig.start - 10):fig.start])
    return not (nxt and nxt.group(1).endswith("s") and not prep and len(nxt.group(1)) > 3)  # "2000 soldiers"


def _looks_like_name(text: str, fig: Fig, g: Grammar) -> bool:
    """"Boeing 737", "Windows 11", "Apple Watch 5": a capitalised word right before a bare number.
    A number grouped in thousands or scaled is an amount ("Net 807,000 vs 2,858,000", "Revs
    510.2 mln" in an earnings table), never a model's number."""
    if fig.scaled or _GROUPED.fullmatch(text, fig.start, fig.end):
        return False
    nm = _NAME.search(text[max(0, fig.start - 30):fig.start])
    if not nm:
        return False
    word = nm.group(1)
    return word not in g.name_allowed and word.lower() not in g.months and fig.qualifier == "exact"
