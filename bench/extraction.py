"""Score our cleaners on ../shared/data/extraction-benchmark and time them.

    python bench/extraction.py [--mode text|html|both] [--split dev|test|all] [--out DIR]
                               [--baseline] [--show-leaks K]

Writes <out>/<mode>/<id>.txt ("\\n".join of the blocks, exactly what `newswh clean`
writes), scores each folder with ../shared/bench/score_extraction.py and prints pages/s
(cleaning call only, one process, after one warm-up page) and how many titles match the
page's own. Times are CPU time of this
process (time.process_time), so other jobs on a shared machine skew them less.
`--baseline` also times trafilatura favor_precision alone on the same HTML, page by page in
turn with ours, for the "within 1.3x" speed goal. `--corpus N` times the plain-text
cleaner on the first N articles of ../shared/data/news-corpus (the `make bench` input).
`--no-markers` cleans with the region-marker phrase lists ("Related Articles", "Comments", ...)
switched off, `--no-patterns` with the whole-line patterns (line_patterns.json) off: what the
structural signals catch alone, a dev-split proxy for sites whose phrases the lists lack
(tune structural rules against it, not against the test split).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.transforms.boilerplate import strip_boilerplate  # noqa: E402
from pipelines.transforms.document import CleanedDoc  # noqa: E402
from pipelines.transforms.boilerplate.language import load_model  # noqa: E402
from pipelines.transforms.html_extract import extract_html  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "extraction-benchmark"
SCORER = SHARED / "bench" / "score_extraction.py"
WORD_RE = re.compile(r"\w+")


def load_pages(split: str) -> list[dict]:
    ids = json.loads((DATA / "split.json").read_text())
    wanted = set(ids["dev"] + ids["test"]) if split == "all" else set(ids[split])
    pages = []
    for line in (DATA / "ground_truth.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] in wanted:
            pages.append(rec)
    return pages


def read_input(rec: dict, mode: str) -> str:
    if mode == "text":
        return (DATA / "text" / f"{rec['id']}.txt").read_text(encoding="utf-8")
    return (DATA / "html" / f"{rec['id']}.html").read_text(encoding="utf-8", errors="replace")


def run(mode: str, pages: list[dict], out: Path, clean) -> tuple[float, dict[str, str | None]]:
    """Clean every page into out/<id>.txt; return pages per second of the cleaning calls and
    each page's title."""
    out.mkdir(parents=True, exist_ok=True)
    inputs = [(rec, read_input(rec, mode)) for rec in pages]
    clean(inputs[0][0], inputs[0][1])  # warm-up: imports, model and rule loading
    load_model()  # the language model, which an English warm-up page does not load
    total, titles = 0.0, {}
    for rec, raw in inputs:
        start = time.process_time()
        doc = clean(rec, raw)
        total += time.process_time() - start
        (out / f"{rec['id']}.txt").write_text("\n".join(b.text for b in doc.blocks), encoding="utf-8")
        titles[rec["id"]] = doc.title
    return (len(inputs) / total if total else float("inf")), titles


def title_matches(pages: list[dict], titles: dict[str, str | None]) -> int:
    """Pages whose title matches the page's own (the benchmark's `title`): one contains the
    other as whole words, case and punctuation aside ("Home Depot sales miss" in "Home Depot sales
    miss | Fox")."""
    def norm(text: str | None) -> str:  # padded, so a match is of whole words
        return f" {' '.join(WORD_RE.findall((text or '').lower()))} "

    def match(ours: str, truth: str) -> bool:
        return bool(ours.strip() and truth.strip()) and (ours in truth or truth in ours)

    return sum(match(norm(titles.get(rec["id"])), norm(rec.get("title"))) for rec in pages)


def interleaved_speed(pages: list[dict], fns: dict) -> dict[str, float]:
    """Pages/s of each cleaner, timed page by page in turn so machine load hits all alike."""
    inputs = [(rec, read_input(rec, "html")) for rec in pages]
    totals = dict.fromkeys(fns, 0.0)
    for fn in fns.values():
        fn(*inputs[0])  # warm-up
    for rec, raw in inputs:
        for name, fn in fns.items():
            start = time.process_time()
            fn(rec, raw)
            totals[name] += time.process_time() - start
    return {name: len(inputs) / total for name, total in totals.items()}


class CorpusRun(NamedTuple):
    articles: int
    pages_per_s: float
    kept: float  # share of body tokens kept
    under_half: int  # articles that kept under half their tokens
    titled: int  # articles titled with their own headline


def corpus_speed(limit: int) -> CorpusRun:
    """Plain-text pages/s on news-corpus articles (title line + body, as a scrape would hold),
    the share of body tokens kept, how many articles kept under half their tokens, and how
    many got their own title: these articles are already clean, so every token lost is a
    false drop (the clean-input guard, >= 0.98; the half-kept count caught wire earnings
    tables going as nav and footer), and their first line is the headline."""
    path = SHARED / "data" / "news-corpus" / "news_articles.jsonl"
    texts, bodies, titles = [], [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            texts.append(f"{rec.get('title') or ''}\n{rec['text']}")
            bodies.append(rec["text"])
            titles.append((rec.get("title") or "").strip())
            if len(texts) >= limit:
                break
    strip_boilerplate(texts[0])
    docs, start = [], time.process_time()
    for text in texts:
        docs.append(strip_boilerplate(text))
    rate = len(texts) / (time.process_time() - start)
    sizes = [len(WORD_RE.findall(body)) for body in bodies]
    kept = [min(size, sum(len(WORD_RE.findall(b.text)) for b in doc.blocks)) for doc, size in zip(docs, sizes)]
    total = sum(sizes)
    under_half = sum(1 for k, size in zip(kept, sizes) if 2 * k < size)
    titled = sum(1 for doc, title in zip(docs, titles) if title and doc.title == title)
    return CorpusRun(len(texts), rate, sum(kept) / total if total else 1.0, under_half, titled)


def disable_rule_lists(*, markers: bool, patterns: bool) -> None:
    """Clean without the marker phrases and/or the line patterns: the line classifier reads its
    rules through `classify.rules`, so the bench swaps in a copy of the rule set without them."""
    import dataclasses

    from pipelines.transforms.boilerplate import classify
    from pipelines.transforms.boilerplate.prefilter import FirstMatch, PageSearch
    from pipelines.transforms.boilerplate.rules import rules

    never = re.compile("(?!)")
    bare = rules()
    if markers:
        bare = dataclasses.replace(bare, marker_lines={}, marker_regex=never, marker_reasons=())
    if patterns:
        bare = dataclasses.replace(bare, anchored=FirstMatch([]), cased=FirstMatch([]), unanchored=PageSearch([]))
    classify.rules = lambda: bare


def clean_text(rec: dict, raw: str) -> CleanedDoc:
    return strip_boilerplate(raw)


def clean_html(rec: dict, raw: str) -> CleanedDoc:
    return extract_html(raw, url=rec.get("url"))


def trafilatura_alone(rec: dict, raw: str) -> str:
    import trafilatura

    return trafilatura.extract(raw, url=rec.get("url"), favor_precision=True) or ""


def score(pred_dir: Path, show_leaks: int) -> None:
    cmd = [sys.executable, str(SCORER), str(pred_dir), "--bootstrap", "200"]
    if show_leaks:
        cmd += ["--show-leaks", str(show_leaks)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    print("\n".join(line for line in out.splitlines() if not line.startswith("{")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=("text", "html", "both"), default="both")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--out", type=Path, default=None, help="default: a temp dir")
    ap.add_argument("--baseline", action="store_true", help="also time trafilatura alone")
    ap.add_argument("--show-leaks", type=int, default=0)
    ap.add_argument("--corpus", type=int, default=0, metavar="N", help="also time N news-corpus articles")
    ap.add_argument("--no-markers", action="store_true", help="switch off the region-marker phrase lists")
    ap.add_argument("--no-patterns", action="store_true", help="switch off the whole-line patterns")
    args = ap.parse_args()
    if args.no_markers or args.no_patterns:
        disable_rule_lists(markers=args.no_markers, patterns=args.no_patterns)
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the shared data sets live beside the repo)")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="extraction-"))
    pages = load_pages(args.split)
    modes = ("text", "html") if args.mode == "both" else (args.mode,)
    runners = {"text": ("text", clean_text), "html": ("html", clean_html)}
    for name in modes:
        kind, fn = runners[name]
        rate, titles = run(kind, pages, out / name, fn)
        print(f"== {name}: {len(pages)} pages, {rate:.1f} pages/s  -> {out / name}")
        score(out / name, args.show_leaks)
        print(f"titles: {title_matches(pages, titles)}/{len(pages)} match the page's own")
    if args.corpus:
        c = corpus_speed(args.corpus)
        print(f"== plain text on news-corpus: {c.articles} articles, {c.pages_per_s:.0f} pages/s, body tokens kept "
              f"{c.kept:.4f}, {c.under_half} kept under half their tokens, {c.titled} titled with their own headline")
    if args.baseline and "html" in modes:
        rates = interleaved_speed(pages, {"ours": clean_html, "trafilatura": trafilatura_alone})
        print(f"== html speed, interleaved: ours {rates['ours']:.1f} pages/s, trafilatura favor_precision alone "
              f"{rates['trafilatura']:.1f} pages/s, ratio {rates['trafilatura'] / rates['ours']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
