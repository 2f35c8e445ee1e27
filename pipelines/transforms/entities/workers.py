"""NER on every core, in worker processes that send back mention rows instead of Docs.

`nlp.pipe(texts, n_process=N)` serializes every Doc in its worker and rebuilds it in the parent
(`Doc.to_bytes` / `Doc.from_bytes`). We only keep a few spans per paragraph, yet the parent spent
3.3 s of CPU per 1,000 corpus articles rebuilding Docs (9% of the step's CPU), taken from workers
that already fill every core. Here each worker runs the same `nlp.pipe` (same components, same
batch size) over a chunk of paragraphs and returns only the rows we keep.

Spawned, not forked: a forked worker starts with the whole parent heap (every earlier step's
frames and imports), counted again in its RSS and copied as Python touches its refcounts. A
spawned one holds spaCy, the model and its chunk.
"""
from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

# Paragraphs per task: small enough that the workers finish together (a chunk is ~0.5 s of NER),
# large enough that shipping texts and rows is noise beside it.
CHUNK_PARAGRAPHS = 512

Row = tuple[int, int, int, str, str]  # (row, char_start, char_end, text, label)
RowsOf = Callable[[Language, list[str], int, int], list[Row]]

_worker_nlp: Language | None = None
_worker_rows_of: RowsOf | None = None


def mention_rows_in_workers(texts: list[str], nlp: Language, rows_of: RowsOf, *, n_process: int,
                            batch_size: int, chunk: int = CHUNK_PARAGRAPHS) -> Iterator[Row]:
    """`rows_of(nlp, texts[i:j], i, batch_size)` over consecutive chunks in `n_process` workers,
    yielded in input order. `rows_of` must be a module-level function (pickled by name)."""
    starts = range(0, len(texts), chunk)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_start_worker,
                               initargs=(pickle.dumps(nlp), rows_of))
    try:
        tasks = pool.map(_rows_of_chunk, (texts[s:s + chunk] for s in starts), starts, [batch_size] * len(starts))
        for rows in tasks:
            yield from rows
    finally:
        # On an error (or a caller that stops early) the chunks not started yet are dropped, not run.
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(nlp_bytes: bytes, rows_of: RowsOf) -> None:
    global _worker_nlp, _worker_rows_of
    _worker_nlp = pickle.loads(nlp_bytes)
    _worker_rows_of = rows_of


def _rows_of_chunk(texts: list[str], first_row: int, batch_size: int) -> list[Row]:
    return _worker_rows_of(_worker_nlp, texts, first_row, batch_size)
