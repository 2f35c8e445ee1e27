"""extract_figures: every numeric fact in one paragraph, as plain dicts (see the package docstring)."""
from __future__ import annotations

import datetime as dt
import math
import re

from pipelines.transforms.figures.after import Fig, read_rate
from pipelines.transforms.figures.dates import date_figure
from pipelines.transforms.figures.ellipsis import fill_elliptical
from pipelines.transforms.figures.scan import read_figure
from pipelines.transforms.figures.subject import subject_after
from pipelines.transforms.figures.tables import Grammar, grammar

_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:about|around|approximately|approx\.?|roughly|some|or|~|≈)?\s*$", re.I)
_CLOSE = re.compile(r"\s*[)\]]")
_SCALE_AFTER = re.compile(r"\s(?:million|billion|trillion|crore|lakh|bn|mn|m)\b")
_CHAIN = re.compile(r"(?:[-–/]\d+)+")
_HALF_IDIOM = re.compile(r"(?:first|second|third|fourth|latter|other|the|and a|one and a)\s+$", re.I)
# kind -> whether "of" may precede the subject ("34% of voters"); kinds not listed get no subject
_SUBJECT_KINDS = {"count": True, "percent": True, "money": True, "ordinal": False, "quantity": False, "duration": False}
_SUBJECT_PAST_PLURAL = {"ordinal", "quantity", "duration"}  # "17th sanctions package", "30-day ceasefire talks"


def extract_figures(text: str, *, reference_date: dt.date | None = None) -> list[dict]:
    if not text:
        return []
    g = grammar()
    out, pos = [], 0
    for hit in g.scan_re.finditer(text):
        if hit.start() < pos:
            continue
        fig, pos = _figure_at(text, hit, g, reference_date)
        if fig is not None:
            out.append(fig)
    fill_elliptical(text, out)
    out = [fig for fig in out if _finite(fig)]  # before linking: conversions point at list positions
    _link_conversions(text, out, g)
    return out


def _finite(fig: dict) -> bool:
    """A digit run of 309+ digits (a serial number, a hash) parses to inf: no quantity anyone
    reported, and an infinite value fails the figures suite's blocking check for the whole run."""
    return all(v is None or math.isfinite(v) for v in (fig["value"], fig.get("value_high")))


def _figure_at(text: str, hit: re.Match, g: Grammar, ref: dt.date | None) -> tuple[dict | None, int]:
    """The figure starting at a scan hit (or None) and where scanning resumes."""
    s = hit.start()
    if not text[s].isdigit():
        fm = g.fraction_at_re.match(text, s)
        if fm:
            return _fraction(text, fm, g), fm.end("frac")
        m = g.words_at_re.match(text, s)
        return _number(text, m, g) if m else (None, hit.end())
    date = _date_at(text, s, g, ref)
    if date:
        return date, date["char_end"]
    if s and text[s - 1] == "." and not text[s - 2:s - 1].isalnum():
        s -= 1  # ".5", "a .500 record"
    elif _glued_to_previous(text, s):
        return None, hit.end()
    m = g.number_at_re.match(text, s)
    until = blocked_until(text, m.start(), m.end(), g)
    if until is not None:
        return None, until
    return _number(text, m, g)


def _glued_to_previous(text: str, s: int) -> bool:
    """A digit run continuing a decimal ("1.2.3") is not a number start of its own."""
    return s > 1 and text[s - 1] in ".," and text[s - 2].isdigit()


def _date_at(text: str, s: int, g: Grammar, ref: dt.date | None) -> dict | None:
    """Dates are anchored on their digits: "June 1", "1 September 2019", "June 2018", "2019-09-01"."""
    before = text[max(0, s - 12):s].split()
    if before:
        word = before[-1].strip("(.,\"“")
        if word.lower() == "of" and len(before) > 1:
            word = before[-2].strip("(.,\"“")
        if word[:1].isupper() and word.lower() in g.months:
            start = text.rfind(word, max(0, s - 12), s)
            dm = g.date_at_re.match(text, start)
            if dm and dm.start("m1" if dm.group("m1") else "m3") >= 0 and dm.end() > s:
                return date_figure(dm, g, ref)
    dm = g.date_at_re.match(text, s)
    return date_figure(dm, g, ref) if dm and (dm.group("iso") or dm.group("m2")) else None


def _fraction(text: str, fm: re.Match, g: Grammar) -> dict | None:
    frac = fm.group("frac")
    if frac.lower() == "half" and _HALF_IDIOM.search(text, max(0, fm.start() - 12), fm.start()):
        return None  # "the second half of the game"
    fig = Fig(start=fm.start(), end=fm.end("frac"), value=g.fractions[re.sub(r"\s+", " ", frac.lower())],
              kind="percent", qualifier="about")
    fig.subject = subject_after(text, fig.end, g, allow_of=True)
    return _as_dict(text, fig)


def blocked_until(text: str, s: int, e: int, g: Grammar) -> int | None:
    """End of the non-figure span (non_figures.json) that the digit run text[s:e] belongs to, or None."""
    prev_char = text[s - 1] if s else "\n"
    for reason, prev, before, after in g.block_rules:
        if prev is not None and prev_char not in prev:
            continue
        am = after.match(text, e) if after else None
        if after and not am:
            continue
        if before:
            bm = before.search(text, max(0, s - 40), s)
            if not bm or (reason == "alnum_code" and _currency_letters(text, bm, e, g)):
                continue
        return am.end() if am else e
    return None


def non_figure_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every digit run that a non_figures.json rule rejects: for audits and tests."""
    g, out, pos = grammar(), [], 0
    for m in re.finditer(r"\d+", text):
        if m.start() < pos:
            continue
        nm = g.number_at_re.match(text, m.start())
        for reason, _, before, after in g.block_rules:
            am = after.match(text, nm.end()) if after else None
            bm = before.search(text, max(0, nm.start() - 40), nm.start()) if before else None
            if (after and not am) or (before and not bm):
                continue
            if reason == "alnum_code" and bm and _currency_letters(text, bm, nm.end(), g):
                continue
            pos = am.end() if am else nm.end()
            out.append((bm.start() if bm else nm.start(), pos, reason))
            break
    return out


def _currency_letters(text: str, bm: re.Match, e: int, g: Grammar) -> bool:
    """"RM79", "PS6m", "$US113": the glued letters are a currency, not a model name; "PLX-R18" and
    "PS5" are names (a one-digit amount with no scale after it does not look like money)."""
    letters, start = bm.group(), bm.start()
    sign = text[start - 1:start] if start else ""
    if sign in "-‑" or not (letters in g.currency_prefix or sign + letters in g.currency_prefix):
        return False
    return e - bm.end() > 1 or text[e:e + 1].isalpha() or bool(_SCALE_AFTER.match(text, e))


def _number(text: str, m: re.Match, g: Grammar) -> tuple[dict | None, int]:
    fig = read_figure(text, m, g)
    if fig is None:
        tail = _CHAIN.match(text, m.end())  # "ISO 3888-2", "2-0": skip the whole chain
        return None, tail.end() if tail else m.end()
    allow_of = _SUBJECT_KINDS.get(fig.kind)
    if allow_of is not None:
        fig.subject = subject_after(text, fig.end, g, allow_of=allow_of,
                                    stop_at_plural=fig.kind not in _SUBJECT_PAST_PLURAL)
    return _as_dict(text, fig), fig.end


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
        if close:
            _share_after_brackets(text, close.end(), a, b, g)


def _share_after_brackets(text: str, pos: int, a: dict, b: dict, g: Grammar) -> None:
    """"C$6 (US$4.46) per share", "9 billion shekels ($2.4 billion) a year in aid": what follows the
    bracket applies to both figures."""
    probe = Fig(start=pos, end=pos, value=0.0, kind=a["kind"])
    read_rate(text, probe, g)
    if probe.unit and not (a["unit"] or "").startswith("per_") and "_per_" not in (a["unit"] or ""):
        for fig in (a, b):
            fig["unit"] = f"{fig['unit']}_per_{probe.unit[4:]}" if fig["unit"] else probe.unit
    if a["subject"] is None:
        a["subject"] = b["subject"] = subject_after(text, probe.end, g, allow_of=a["kind"] == "money")
