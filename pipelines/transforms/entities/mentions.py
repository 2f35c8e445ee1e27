"""extract_mentions: paragraphs in, one row per named-entity mention out."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import polars as pl
from spacy.language import Language

from pipelines.transforms.entities.data import load_json
from pipelines.transforms.entities.workers import Row, mention_rows_in_workers
from pipelines.transforms.figures.tables import grammar
from pipelines.transforms.schemas import MENTION_SCHEMA

# Numeric labels (CARDINAL, MONEY, DATE, ...) belong to figures, not to entities.
KEPT_LABELS: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART",
)
# Below this many paragraphs starting worker processes (each imports spaCy and unpickles the
# model, 1-2 s) costs more than it saves.
MIN_PARALLEL_PARAGRAPHS = 256
# Names of people, places and peoples are capitalized in every cased script.
CAPITALIZED_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
MENTION_CHUNK_ROWS = 20_000
_ROW_SCHEMA = {"row": pl.Int64, "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String, "label": pl.String}
_TRIM = load_json("trim.json")
_NOT_NAMES = frozenset(load_json("not_names.json")["words"])
_DETERMINERS = tuple(f"{d} " for d in _TRIM["leading_determiners"])
# Longest first, so "’s" is stripped whole rather than just its apostrophe.
_POSSESSIVES = tuple(sorted(_TRIM["trailing_possessives"], key=len, reverse=True))


def extract_mentions(
    paragraphs: pl.DataFrame, nlp: Language, *, n_process: int = 1, batch_size: int = 64,
    min_parallel: int = MIN_PARALLEL_PARAGRAPHS,
) -> pl.DataFrame:
    """Named-entity mentions of KEPT_LABELS, offsets into each paragraph's text.

    `paragraphs` has article_id, paragraph_index, text. Plain strings go through `nlp.pipe` and
    each doc is matched back to its row by position. With `n_process` > 1 (and at least
    `min_parallel` paragraphs) the pipe runs in worker processes that return mention rows, not
    Docs (workers.py). Rows are collected as they arrive; no Doc is kept.
    """
    texts = paragraphs.get_column("text").to_list()
    if n_process > 1 and len(texts) >= min_parallel:
        rows = mention_rows_in_workers(texts, nlp, rows_of_texts, n_process=n_process, batch_size=batch_size)
    else:
        rows = _mention_rows(enumerate(nlp.pipe(texts, batch_size=batch_size)))
    mentions = _mention_frame(rows)
    del texts
    keys = paragraphs.select("article_id", "paragraph_index").with_row_index("row")
    return (
        mentions.with_columns(pl.col("row").cast(pl.UInt32))
        .join(keys, on="row", how="left")
        .select(list(MENTION_SCHEMA))
        .cast(MENTION_SCHEMA)
        .sort("article_id", "paragraph_index", "char_start")
    )


def _mention_frame(rows: Iterable[tuple], chunk_rows: int = MENTION_CHUNK_ROWS) -> pl.DataFrame:
    """The rows as one frame, built chunk by chunk: a Python tuple per mention costs ~7x its
    columnar size, so a whole corpus of them would be the parent's biggest object."""
    parts, chunk = [], []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= chunk_rows:
            parts.append(pl.DataFrame(chunk, schema=_ROW_SCHEMA, orient="row"))
            chunk = []
    parts.append(pl.DataFrame(chunk, schema=_ROW_SCHEMA, orient="row"))
    return pl.concat(parts)


def rows_of_texts(nlp: Language, texts: list[str], first_row: int, batch_size: int) -> list[Row]:
    """The kept mentions of `texts` (numbered from `first_row`): what each NER worker returns."""
    return list(_mention_rows(enumerate(nlp.pipe(texts, batch_size=batch_size), start=first_row)))


def _mention_rows(docs: Iterable) -> Iterator[Row]:
    for row, doc in docs:
        text = doc.text
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            start, end = trim_span(text, ent.start_char, ent.end_char)
            if end > start and is_name_shaped(text[start:end], ent.label_):
                yield row, start, end, text[start:end], ent.label_


def is_name_shaped(text: str, label: str) -> bool:
    """A mention has a letter, and a person, place or people has a capital (or a script without
    case: "東京"); an organisation may be named in lower case ("the senate", "the commerce ministry").

    The small model labels "½", "2008", "n’t", "marijuana" and "polish" as names: in 108 English
    benchmark articles, 52 of the 4,516 mentions fail this, every one of them junk. Nor is a
    money or measure word in lower case, or a figure ("cts", "mln", "401p"): "cts" was an ORG
    789 times in 3,166 news-corpus articles, the second most mentioned entity. A person's name
    has no digit: of the 224 PERSON mentions with one in those articles ("Revs 37.4", "MI6",
    "Spider-Man 2") the only person was "Rainer Schuettler 7-5", a tennis score glued on; stage
    names with one ("50 Cent") are lost with them. Words in pipelines/data/entities/not_names.json
    ("Revs", "Avg") are no names either, nor lower-case "bitcoin" (a currency word).
    """
    if not any(char.isalpha() for char in text):
        return False
    if text.islower() and (text[0].isdigit() or text in _quantity_words()):
        return False  # "cts" in an earnings table (ORG), "401p" (a price in pence, PRODUCT)
    if text.lower() in _NOT_NAMES:
        return False  # "Revs", "Avg": an earnings table's row labels
    if label == "PERSON" and any(char.isdigit() for char in text):
        return False  # "Revs 37.4" (an earnings table's row), "MI6", "G8": no one's name
    return label not in CAPITALIZED_LABELS or any(char.isalpha() and not char.islower() for char in text)


@lru_cache(maxsize=1)
def _quantity_words() -> frozenset[str]:
    """The figures grammar's money and measure words, lower-cased: "cts", "dlrs", "mln", "pct"."""
    g = grammar()
    tables = (g.currency_minor, g.currency_words_folded, g.scale_abbrev, g.scales, g.units_folded)
    return frozenset(word.lower() for table in tables for word in table)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past a leading determiner and a trailing possessive.

    "the Kremlin's" -> "Kremlin"; "Russia’s" -> "Russia". A determiner is only dropped when a
    word follows it, so a bare "A" stays as written.
    """
    lowered = text[start:end].lower()
    for det in _DETERMINERS:
        if lowered.startswith(det) and len(lowered) > len(det):
            start += len(det)
            break
    for suffix in _POSSESSIVES:
        if text.endswith(suffix, start, end) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end
