"""Synthetic copies of corpus articles for the linking bench: exact copies, syndicated copies, rewrites.

Deterministic (seeded by the source id), so the labeled pairs in pairs.jsonl name only ids:
`syn-exact:<id>`, `syn-near:<id>`, `syn-rewrite:<id>` are rebuilt from the corpus on demand.
"""
from __future__ import annotations

import json
import random
import re
import zlib
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_WORD = re.compile(r"\b[A-Za-z]+\b")
DATELINES = ["LONDON (Newswire) - ", "NEW YORK (Agency) - ", "By Staff Reporter. ", "(Wire service) "]
SIGN_OFFS = ["Reporting by newswire staff; editing by the desk.", "Copyright the wire service. All rights reserved.",
             "This story was first published by our partner agency."]
DROPPABLE = {"also", "very", "really", "just", "still", "even", "already", "that"}
# Determiners and prepositions a paraphrase shuffles: each change breaks every shingle it touches.
ARTICLES = {"the": "this", "a": "one", "of": "from", "in": "within", "to": "towards", "on": "upon", "for": "regarding",
            "and": "as well as", "is": "was", "was": "had been", "has": "had", "have": "had", "with": "alongside"}


@cache
def synonyms() -> dict[str, str]:
    table = json.loads((HERE / "synonyms.json").read_text(encoding="utf-8"))
    return {k.strip(): v for k, v in table.items() if not k.startswith("_")}


def _rng(kind: str, source_id: str) -> random.Random:
    return random.Random(zlib.crc32(f"{kind}:{source_id}".encode("utf-8")))


def exact_copy(text: str) -> str:
    """The same body, re-flowed: paragraphs joined differently and stray trailing spaces."""
    return "\n\n\n".join(p.strip() + "  " for p in text.split("\n\n"))


def syndicated_copy(text: str, source_id: str) -> str:
    """What a syndication partner publishes: own dateline and sign-off, last paragraph cut, a few words changed."""
    rng = _rng("near", source_id)
    paragraphs = text.split("\n\n")
    if len(paragraphs) >= 4:
        paragraphs = paragraphs[:-1]
    table = synonyms()

    def edit(match: re.Match) -> str:
        word = match.group(0)
        return table.get(word, word) if rng.random() < 0.04 else word

    body = [_WORD.sub(edit, p) for p in paragraphs]
    return rng.choice(DATELINES) + "\n\n".join(body) + "\n\n" + rng.choice(SIGN_OFFS)


def rewrite(text: str, source_id: str) -> str:
    """A paraphrase: every listed word swapped, filler words dropped, some sentence pairs reordered."""
    rng = _rng("rewrite", source_id)
    table = synonyms()

    def swap(match: re.Match) -> str:
        word = match.group(0)
        if word.lower() in DROPPABLE and rng.random() < 0.7:
            return ""
        if word.lower() in ARTICLES and rng.random() < 0.5:
            return ARTICLES[word.lower()]
        new = table.get(word.lower())
        if new is None:
            return word
        return new.capitalize() if word[0].isupper() else new

    out = []
    for paragraph in text.split("\n\n"):
        sentences = [_capitalised(_swap_clauses(re.sub(r"\s{2,}", " ", _WORD.sub(swap, s)).strip(), rng))
                     for s in _SENTENCE.split(paragraph)]
        for i in range(0, len(sentences) - 1, 2):
            if rng.random() < 0.5:
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _swap_clauses(sentence: str, rng: random.Random) -> str:
    """'A, B.' -> 'B, A.' half the time (keeps the words, moves every shingle at the seam)."""
    head, sep, tail = sentence.partition(", ")
    if not sep or not head or rng.random() < 0.5 or len(tail) < 10:
        return sentence
    end = tail[-1] if tail[-1] in ".!?" else ""
    return f"{tail.rstrip('.!?')}, {head[0].lower()}{head[1:]}{end}"


MAKERS = {"syn-exact": lambda text, sid: exact_copy(text), "syn-near": syndicated_copy, "syn-rewrite": rewrite}


def synthetic_body(article_id: str, corpus: dict[str, dict]) -> str:
    """The body of a synthetic id like `syn-near:bbc-tech-001`, built from its source article."""
    kind, source_id = article_id.split(":", 1)
    return MAKERS[kind](corpus[source_id]["text"], source_id)
