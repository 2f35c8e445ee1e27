"""Run a pure per-record stage function on every core: records in, records out, input order kept.

Cleaning and figure extraction are pure Python per record, so on one core they leave the other
cores idle. `map_chunks` splits the records into chunks and maps the function over a pool of
worker processes.

Spawned, not forked, workers: a forked worker starts with the whole run's heap (every earlier
step's frames and imports), counted again in its RSS and copied as refcounts move, and polars'
thread pool does not survive a fork. A spawned worker imports only the stage's module (about
0.5 s, paid once per worker, so the pool is used only for batches that repay it) and gets plain
Python records; the caller builds its frames in the parent.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

R = TypeVar("R")
T = TypeVar("T")

# Below this many records a pool costs more (worker start-up, pickling) than it saves.
MIN_PARALLEL_RECORDS = 1000
# More chunks than processes, so one slow chunk (a 50 MB page) does not hold up the rest.
CHUNKS_PER_PROCESS = 4


def map_chunks(fn: Callable[[Sequence[T]], list[R]], records: Sequence[T], *, n_process: int = 1,
               min_records: int | None = None) -> list[R]:
    """fn applied to consecutive chunks of `records`, the results concatenated in input order.

    `fn` must be a module-level function (it is pickled by name) that takes a list of records and
    returns a list of results. With one process or fewer than `min_records` records (default
    MIN_PARALLEL_RECORDS) it runs here, without a pool, so small runs pay nothing.
    """
    min_records = MIN_PARALLEL_RECORDS if min_records is None else min_records
    if n_process <= 1 or len(records) < max(min_records, 2):
        return fn(records)
    chunks = _chunks(records, n_process * CHUNKS_PER_PROCESS)
    with ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context("spawn")) as pool:
        return [result for part in pool.map(fn, chunks) for result in part]


def _chunks(records: Sequence[T], n: int) -> list[list[T]]:
    size = -(-len(records) // n)
    return [list(records[i:i + size]) for i in range(0, len(records), size)]
