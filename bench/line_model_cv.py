"""Cross-validate a learned second pass over the lines the plain-text rules keep (issue 3).

    python bench/line_model_cv.py [--folds 5] [--corpus-negatives 600] [--train-on real|all]
                                  [--lexicon] [--min-precision 0.9]

Data: the extraction benchmark's DEV split only (../shared/data/extraction-benchmark), never
test. Each page is cleaned by the rules; every kept line of >= 4 tokens is a row, labelled
boilerplate when its lower-cased token sequence is absent from the page's ground truth (the
scorer's leak test). News-corpus articles (already clean; past the first 3,000, which
`bench/extraction.py --corpus 3000` uses as its guard) add body rows. `--train-on all` adds
the kept lines of the same pages cleaned with the marker phrases and/or line patterns off
(what the rules keep on a site whose phrases they lack); `--lexicon` adds a per-word
boilerplate log-odds learned from all lines of the training folds' pages.

Model: L2-regularised logistic regression (Newton steps, numpy) on `line_features.py`.
Folds group dev by domain. Out-of-fold probabilities are turned into drops (reason "learned")
at each threshold and the pages rescored, for the real rules and for each ablation. A
threshold qualifies when its out-of-fold drops on the real rules are boilerplate at least
--min-precision of the time, dev F1 does not fall and fewer pages leak. Nothing is written: the result
(2026-11-22) is that no threshold qualifies, so the pipeline has no learned pass.
"""
from __future__ import annotations

import argparse
import hashlib
import math
import importlib.util
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.line_features import candidates, line_features  # noqa: E402
from pipelines.transforms.boilerplate import rule_verdicts  # noqa: E402
from pipelines.transforms.boilerplate.assemble import assemble_without_prose, build_doc  # noqa: E402

SHARED = ROOT.parent / "shared"
BENCH = SHARED / "data" / "extraction-benchmark"
CORPUS = SHARED / "data" / "news-corpus" / "news_articles.jsonl"
SCORER = SHARED / "bench" / "score_extraction.py"
REASON = "learned"
WORD_RE = re.compile(r"\w+")
CORPUS_GUARD = 3000  # bench/extraction.py --corpus 3000 measures survival on these: not trained on
L2 = 1.0
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98)
SETTINGS = ("real rules", "markers off", "patterns off", "both off")
LEXICON_MIN_COUNT = 3


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_pages() -> list[dict]:
    dev = set(json.loads((BENCH / "split.json").read_text())["dev"])
    pages = []
    for line in (BENCH / "ground_truth.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] in dev:
            rec["text"] = (BENCH / "text" / f"{rec['id']}.txt").read_text(encoding="utf-8")
            pages.append(rec)
    return pages


def corpus_texts(skip: int, count: int) -> list[str]:
    texts = []
    with CORPUS.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n < skip:
                continue
            rec = json.loads(line)
            texts.append(f"{rec.get('title') or ''}\n{rec['text']}")
            if len(texts) >= count:
                break
    return texts


def page_rows(text: str, truth: str | None):
    """(verdicts, candidate indices, feature rows, labels) of one page; labels 0 without a truth."""
    verdicts = rule_verdicts(text)
    if verdicts.reasons is None:
        return verdicts, [], [], []
    idx = candidates(verdicts.lines, verdicts.reasons)
    rows = line_features(verdicts.lines, verdicts.reasons, idx)
    if truth is None:
        return verdicts, idx, rows, [0] * len(idx)
    haystack = " " + " ".join(t.lower() for t in WORD_RE.findall(truth)) + " "
    labels = [int(f" {' '.join(t.lower() for t in WORD_RE.findall(verdicts.lines[i].text))} " not in haystack) for i in idx]
    return verdicts, idx, rows, labels


def ablated_rows(pages: list[dict]) -> list[tuple]:
    """The same dev pages cleaned with the marker phrases and/or the line patterns switched off:
    what the rules keep on a site whose phrases they lack, which is where a test page leaks.
    Their kept lines are extra training rows (the real rules' kept lines hold few leaks)."""
    from bench.extraction import disable_rule_lists
    from pipelines.transforms.boilerplate import classify

    original = classify.rules
    out = []
    try:
        for markers, patterns in ((True, False), (False, True), (True, True)):
            classify.rules = original
            disable_rule_lists(markers=markers, patterns=patterns)
            out.append([page_rows(p["text"], p["body"]) for p in pages])
    finally:
        classify.rules = original
    return out


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = L2):
    """Standardise, then Newton's method on the L2-penalised log loss (bias not penalised)."""
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    penalty = np.full(Z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Z @ w, -30, 30)))
        grad = Z.T @ (p - y) + penalty * w
        hess = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, w[:-1], float(w[-1])


def predict(model, X: np.ndarray) -> np.ndarray:
    mean, scale, w, b = model
    return 1 / (1 + np.exp(-np.clip(((X - mean) / scale) @ w + b, -30, 30)))


def domain_folds(pages: list[dict], k: int) -> list[int]:
    """Fold of each page: domains ordered by hash, dealt round-robin (a site's pages stay together)."""
    domains = sorted({p["domain"] for p in pages}, key=lambda d: hashlib.sha256(d.encode()).hexdigest())
    fold_of = {d: n % k for n, d in enumerate(domains)}
    return [fold_of[p["domain"]] for p in pages]


def simulate(scorer, pages, per_page, probs_by_page, threshold):
    """Dev scores when kept lines with p >= threshold are dropped (threshold > 1: rules alone)."""
    triples, leak_docs, leak_lines, dropped, dropped_bad = [], 0, 0, 0, 0
    for page, (verdicts, idx, _, labels), probs in zip(pages, per_page, probs_by_page):
        if verdicts.reasons is None:
            doc = assemble_without_prose(verdicts.lines)
        else:
            reasons = list(verdicts.reasons)
            for i, p, y in zip(idx, probs, labels):
                if p >= threshold:
                    reasons[i] = REASON
                    dropped += 1
                    dropped_bad += y
            doc = build_doc(verdicts.lines, reasons)
        pred = "\n".join(b.text for b in doc.blocks)
        truth_tokens = scorer.tokens(page["body"])
        triples.append(scorer.overlap(truth_tokens, scorer.tokens(pred), 4))
        leaks = scorer.leaked_lines(pred, truth_tokens)
        leak_docs += bool(leaks)
        leak_lines += len(leaks)
    f1 = scorer.aggregate(triples)[2]
    return {"threshold": float(threshold), "f1": round(f1, 4), "leak_docs": leak_docs, "leak_lines": leak_lines,
            "dropped": dropped, "drop_precision": round(dropped_bad / dropped, 3) if dropped else 1.0}


def line_words(text: str) -> set[str]:
    return {w for w in (t.lower() for t in WORD_RE.findall(text)) if not w.isdigit()}


def fit_lexicon(pages: list[dict], verdicts: list, page_ids, corpus) -> dict[str, float]:
    """Per-word log-odds of boilerplate vs body, from every >= 4-token line of the given pages
    (dropped lines too: thousands of boilerplate examples) and the corpus's body lines."""
    counts = {0: {}, 1: {}}
    totals = {0: 0, 1: 0}
    for n in page_ids:
        haystack = " " + " ".join(t.lower() for t in WORD_RE.findall(pages[n]["body"])) + " "
        for line in verdicts[n].lines:
            toks = [t.lower() for t in WORD_RE.findall(line.text)]
            if len(toks) < 4:
                continue
            label = int(f" {' '.join(toks)} " not in haystack)
            totals[label] += 1
            for w in line_words(line.text):
                counts[label][w] = counts[label].get(w, 0) + 1
    for v, idx, _, _ in corpus:
        for i in idx:
            totals[0] += 1
            for w in line_words(v.lines[i].text):
                counts[0][w] = counts[0].get(w, 0) + 1
    lexicon = {}
    for w in set(counts[0]) | set(counts[1]):
        bp, body = counts[1].get(w, 0), counts[0].get(w, 0)
        if bp + body >= LEXICON_MIN_COUNT:
            lexicon[w] = math.log((bp + 1) / (totals[1] + 2)) - math.log((body + 1) / (totals[0] + 2))
    return lexicon


def lexicon_columns(verdicts, idx, lexicon) -> list[list[float]]:
    """Mean log-odds of a line's known words, and the share of its words that are known."""
    out = []
    for i in idx:
        words = line_words(verdicts.lines[i].text)
        vals = [lexicon[w] for w in words if w in lexicon]
        out.append([sum(vals) / len(vals), len(vals) / len(words)] if vals else [0.0, 0.0])
    return out


def design(setting_rows, folds, lexicons, corpus_lexicon, corpus, use_lexicon):
    """X, y and fold per setting (lexicon columns out of fold), and the corpus body rows."""
    out = []
    for per_page in setting_rows:
        X, y, f = [], [], []
        for n, (verdicts, idx, rows, labels) in enumerate(per_page):
            extra = lexicon_columns(verdicts, idx, lexicons[folds[n]]) if use_lexicon else [[] for _ in idx]
            X.extend(r + e for r, e in zip(rows, extra))
            y.extend(labels)
            f.extend([folds[n]] * len(idx))
        out.append((np.array(X, dtype=float), np.array(y, dtype=float), np.array(f)))
    neg = []
    for verdicts, idx, rows, _ in corpus:
        extra = lexicon_columns(verdicts, idx, corpus_lexicon) if use_lexicon else [[] for _ in idx]
        neg.extend(r + e for r, e in zip(rows, extra))
    return out, np.array(neg, dtype=float)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--corpus-negatives", type=int, default=600)
    ap.add_argument("--train-on", choices=("real", "all"), default="real")
    ap.add_argument("--lexicon", action="store_true")
    ap.add_argument("--min-precision", type=float, default=0.9)
    args = ap.parse_args()
    if not BENCH.exists():
        print(f"skipped: {BENCH} not found (the shared data sets live beside the repo)")
        return 0
    scorer = load_scorer()
    pages = dev_pages()
    setting_rows = [[page_rows(p["text"], p["body"]) for p in pages], *ablated_rows(pages)]
    corpus = [page_rows(t, None) for t in corpus_texts(CORPUS_GUARD, args.corpus_negatives)]
    folds = domain_folds(pages, args.folds)
    verdicts = [v for v, *_ in setting_rows[0]]
    lexicons = corpus_lexicon = None
    if args.lexicon:
        all_ids = range(len(pages))
        lexicons = [fit_lexicon(pages, verdicts, [n for n in all_ids if folds[n] != k], corpus) for k in range(args.folds)]
        corpus_lexicon = fit_lexicon(pages, verdicts, all_ids, corpus)
    sets, neg_X = design(setting_rows, folds, lexicons, corpus_lexicon, corpus, args.lexicon)
    train_sets = sets[:1] if args.train_on == "real" else sets
    print(f"dev: {len(pages)} pages; kept lines (>= 4 tokens) per setting, boilerplate among them: "
          + ", ".join(f"{name} {len(y)}/{int(y.sum())}" for name, (_, y, _) in zip(SETTINGS, sets))
          + f"; corpus body rows {len(neg_X)}")
    oofs = [np.zeros(len(y)) for _, y, _ in sets]
    for k in range(args.folds):
        X = np.vstack([X[f != k] for X, _, f in train_sets] + [neg_X])
        y = np.concatenate([y[f != k] for _, y, f in train_sets] + [np.zeros(len(neg_X))])
        model = fit_logistic(X, y)
        for (Xs, _, f), oof in zip(sets, oofs):
            oof[f == k] = predict(model, Xs[f == k])
    verdict = None
    for name, per_page, oof in zip(SETTINGS, setting_rows, oofs):
        probs_by_page, at = [], 0
        for _, idx, _, _ in per_page:
            probs_by_page.append(oof[at : at + len(idx)])
            at += len(idx)
        base = simulate(scorer, pages, per_page, probs_by_page, 2.0)
        print(f"== {name}: rules alone F1 {base['f1']}, leaked pages {base['leak_docs']}, leaked lines {base['leak_lines']}")
        print("   thr    F1   leakdoc leakln dropped drop_precision")
        for t in THRESHOLDS:
            r = simulate(scorer, pages, per_page, probs_by_page, t)
            print(f"   {t:.2f} {r['f1']:.4f} {r['leak_docs']:5d} {r['leak_lines']:6d} {r['dropped']:6d} {r['drop_precision']:9.3f}")
            if verdict is None and name == SETTINGS[0] and r["dropped"] and r["drop_precision"] >= args.min_precision \
                    and r["f1"] >= base["f1"] and r["leak_docs"] < base["leak_docs"]:
                verdict = r
    print("qualifying threshold on the real rules:", verdict or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
