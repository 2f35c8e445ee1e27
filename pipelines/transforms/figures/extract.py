"""extract_figures: every numeric fact in one paragraph, as plain dicts (see the package docstring)."""
from __future__ import annotations

import datetime as dt
import re

from pipelines.transforms.figures.dates import date_figure
from pipelines.transforms.figures.after import Fig
from pipelines.transforms.figures.scan import read_figure
from pipelines.transforms.figures.subject import subject_after
from pipelines.transforms.figures.tables import Grammar, grammar

_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:about|around|approximately|approx\.?|roughly|some|or|~|≈|US)?\s*$", re.I)
_CLOSE = re.compile(r"\s*[)\]]")
_SUBJECT_KINDS = {"count": True, "percent": True, "money": True, "ordinal": False, "quantity": False, "duration": False}


def extract_figures(text: str, *, reference_date: dt.date | None = None) -> list[dict]:
    if not text or not _may_have_figures(text):
        return []
    g = grammar()
    blocked = _blocked_spans(text, g)
    out = _dates(text, g, reference_date, blocked) + _fractions(text, g, blocked)
    taken = blocked + [(f["char_start"], f["char_end"]) for f in out]
    out += _numbers(text, g, taken)
    out.sort(key=lambda f: f["char_start"])
    _link_conversions(text, out, g)
    return out


_DIGIT_OR_WORD = re.compile(r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                            r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                            r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|"
                            r"zero|third|quarter|fifth|tenth|half)\b)")


def _may_have_figures(text: str) -> bool:
    # Most paragraphs hold a digit; the word check only runs on the rest.
    return _DIGIT_OR_WORD.search(text) is not None


def _blocked_spans(text: str, g: Grammar) -> list[tuple[int, int]]:
    spans = []
    for m in g.block_re.finditer(text):
        if m.lastgroup and g.block_reasons[int(m.lastgroup[1:])] == "alnum_code" and _amount_glued(text, m, g):
            continue
        spans.append(m.span())
    return spans


_GLUED_UNIT = re.compile(r"\d+(?:\.\d+)?([A-Za-z]+\d?)$")


def _amount_glued(text: str, m: re.Match, g: Grammar) -> bool:
    """"RM79", "$US113", "PS6m" (currency glued to the amount) and "32m2" (a unit) are no model names."""
    token = m.group()
    letters = re.match(r"[A-Za-z]+", token)
    if letters:
        sign = text[m.start() - 1:m.start()] if m.start() else ""
        if text[m.start() - 1:m.start()] in ("-", "‑"):
            return False  # "PLX-R18"
        return letters.group() in g.currency_prefix or sign + letters.group() in g.currency_prefix
    unit = _GLUED_UNIT.match(token)
    return bool(unit) and g.unit_for(unit.group(1)) is not None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _dates(text, g, ref, blocked) -> list[dict]:
    out = []
    for m in g.date_re.finditer(text):
        if _inside(m.start(), blocked):
            continue
        fig = date_figure(m, g, ref)
        if fig:
            out.append(fig)
    return out


def _fractions(text, g, blocked) -> list[dict]:
    out = []
    for m in g.fraction_re.finditer(text):
        if _inside(m.start(), blocked):
            continue
        frac = m.group("frac")
        if frac.lower() == "half" and _HALF_IDIOM.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "the second half of the game"
        fig = Fig(start=m.start(), end=m.start() + len(frac), value=g.fractions[re.sub(r"\s+", " ", frac.lower())],
                  kind="percent", qualifier="about")
        fig.subject = subject_after(text, fig.end, g, allow_of=True)
        out.append(_as_dict(text, fig))
    return out


_CHAIN = re.compile(r"(?:[-–/]\d+)+")
_HALF_IDIOM = re.compile(r"(?:first|second|third|fourth|latter|other|the|and a|one and a)\s+$", re.I)


def _numbers(text, g, taken) -> list[dict]:
    out, pos = [], 0
    for m in g.number_re.finditer(text):
        if m.start() < pos or _inside(m.start(), taken):
            continue
        fig = read_figure(text, m, g)
        if fig is None:
            tail = _CHAIN.match(text, m.end())  # "ISO 3888-2", "2-0": skip the whole chain
            pos = max(pos, tail.end() if tail else m.end())
            continue
        pos = fig.end
        if _inside(fig.end - 1, taken) and fig.end - 1 > m.end():
            continue
        allow_of = _SUBJECT_KINDS.get(fig.kind)
        if allow_of is not None:
            fig.subject = subject_after(text, fig.end, g, allow_of=allow_of)
        out.append(_as_dict(text, fig))
    return out


def _as_dict(text: str, fig: Fig) -> dict:
    return {"text": text[fig.start:fig.end], "char_start": fig.start, "char_end": fig.end,
            "value": fig.value, "value_high": fig.value_high, "kind": fig.kind, "unit": fig.unit,
            "currency": fig.currency, "qualifier": fig.qualifier, "subject": fig.subject,
            "iso_date": None, "date_inferred": False, "converted_from": None}


def _link_conversions(text: str, figs: list[dict], g: Grammar) -> None:
    """"€5 billion (£4.2 billion)", "87 mph (140 km/h)": the bracketed one is a conversion."""
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        if a["kind"] != b["kind"] or a["kind"] not in ("money", "quantity"):
            continue
        if not _CONVERSION_GAP.fullmatch(text, a["char_end"], b["char_start"]):
            continue
        if a["kind"] == "quantity" and a["unit"] == b["unit"]:
            continue
        b["converted_from"] = i
        b["qualifier"] = a["qualifier"] if b["qualifier"] == "exact" else b["qualifier"]
        close = _CLOSE.match(text, b["char_end"])
        if close and a["subject"] is None:
            a["subject"] = b["subject"] = subject_after(text, close.end(), g, allow_of=a["kind"] == "money")
