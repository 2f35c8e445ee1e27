"""How a load writes the warehouse without ever blocking (or breaking) its readers.

DuckDB lets a file be opened by one read-write process *or* by many read-only ones. A load
that wrote `news.duckdb` in place would lock every reader out for its whole duration (and a
reader would make the load fail). So a load:

1. takes the *writer lock* (`news.duckdb.lock`, an flock; its text names the holder), so two
   loads never race; a second writer retries with back-off, then fails naming the holder;
2. copies the current file to `news.duckdb.next` (opening the original read-only meanwhile, so
   a foreign read-write holder is detected instead of copied half-written);
3. writes the copy inside one transaction, checkpoints and closes it;
4. swaps it in with `os.replace`, which is atomic: readers that opened the old file keep reading
   the old inode; new readers see the new one. A crash before the swap leaves the old file whole.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import duckdb

# How long an opener waits for a locked file, in total, before giving up (back-off doubles from 0.25 s).
LOCK_WAIT_SECONDS = 20.0
# A load inside a Dagster run is unattended (the schedule and the sensor may overlap): it waits longer.
LOAD_LOCK_WAIT_SECONDS = 120.0
# The back-off stops doubling here: a long (or `inf`) wait still notices a released lock within seconds.
MAX_LOCK_PAUSE_SECONDS = 5.0
T = TypeVar("T")


class WarehouseLocked(RuntimeError):
    """Another process holds the warehouse; the message names it and says what to do."""


_held: dict[Path, int] = {}  # writer locks this process holds (re-entrant per process)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def stage_path(path: Path) -> Path:
    return path.with_name(path.name + ".next")


def with_backoff(attempt: Callable[[], T], holder: Callable[[], str | None], *, what: Path,
                 wait_seconds: float) -> T:
    """Call `attempt` until it stops raising BlockingIOError; then WarehouseLocked naming `holder()`."""
    deadline, pause = time.monotonic() + wait_seconds, 0.25
    while True:
        try:
            return attempt()
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                raise WarehouseLocked(
                    f"warehouse {what} is locked by {holder() or 'another process'}; gave up after waiting "
                    f"{wait_seconds:.0f} s. Wait for that process to finish, or stop it, then retry.") from None
            time.sleep(min(pause, left))
            pause = min(pause * 2, MAX_LOCK_PAUSE_SECONDS)


@contextmanager
def writer_lock(path: Path, *, wait_seconds: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the warehouse's writer lock. The kernel drops it when the process dies, even by SIGKILL."""
    key = path.resolve()
    if key in _held:  # this process already holds it (e.g. a check recording results during a load)
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        with_backoff(lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), lambda: _read_holder(fd),
                     what=path, wait_seconds=wait_seconds)
    except BaseException:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, _holder_text().encode("utf-8"), 0)
    _held[key] = fd
    try:
        yield
    finally:
        del _held[key]
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _holder_text() -> str:
    command = " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv))[:200]
    since = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"PID {os.getpid()} ({command}), writing since {since}"


def _read_holder(fd: int) -> str | None:
    text = os.pread(fd, 1000, 0).decode("utf-8", errors="replace").strip()
    return text or None


def remove_stage(path: Path) -> None:
    """Drop a half-written copy (left by a crashed or killed load)."""
    for leftover in (stage_path(path), stage_path(path).with_name(stage_path(path).name + ".wal")):
        leftover.unlink(missing_ok=True)


def copy_current(path: Path, target: Path, connect: Callable[..., duckdb.DuckDBPyConnection]) -> None:
    """Copy the warehouse file to `target`, consistent: nobody writes it meanwhile."""
    if not path.exists():
        return
    if path.with_name(path.name + ".wal").exists():
        # A crashed in-place writer left a WAL: fold it into the file first, so the copy is whole.
        connect(path).close()
    con = connect(path, read_only=True)  # fails clearly while a foreign process holds it read-write
    try:
        shutil.copyfile(path, target)
    finally:
        con.close()


def swap_in(stage: Path, path: Path) -> None:
    """Atomically make `stage` the warehouse, durable before it becomes visible."""
    _fsync(stage)
    os.replace(stage, path)
    _fsync(path.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
