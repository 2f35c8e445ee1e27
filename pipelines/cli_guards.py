"""What `newswh` refuses before doing any work, and how a refusal reads.

A mistake in what the user asked for (a missing path, a bad query, a value argparse cannot
take) becomes a `CommandError`, which `cli.main` prints as one line, `newswh <command>:
<message>`, exiting 2: a traceback would only hide it. The command implementations live in
cli.py; the checks here are small and testable on their own.
"""
from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.settings import Settings, scanned_by_inbox, warehouse_inside_inbox


class CommandError(Exception):
    """A mistake in what the user asked for (a missing path, a bad query): `main` prints it as
    one line, `newswh <command>: <message>`, and exits 2; a traceback would only hide it."""


def check_run_paths(settings: Settings) -> None:
    """What a run is pointed at, refused before anything is read or written when it is a mistake."""
    if not settings.inbox.is_dir():  # a mistyped --input is a mistake, not an empty inbox
        raise CommandError(f"input {settings.inbox} is not a directory")
    inside = warehouse_inside_inbox(settings.inbox, settings.warehouse)
    if inside:
        raise CommandError(inside)
    home_problem = dagster_home_problem(os.environ.get("DAGSTER_HOME"))
    if home_problem:
        raise CommandError(home_problem)
    make_warehouse_dir(settings.warehouse)


def check_clean_paths(in_dir: Path, out_dir: Path) -> None:
    """What `newswh clean IN_DIR OUT_DIR` is pointed at, refused before any file is written."""
    from pipelines.cleanfiles import output_clashes

    if not in_dir.is_dir():
        raise CommandError(f"{in_dir} is not a directory")
    if out_dir.exists() and not out_dir.is_dir():
        raise CommandError(f"{out_dir} is a file, not a directory")
    if scanned_by_inbox(out_dir, in_dir):  # a hidden folder of IN_DIR is not read: a fine place for OUT_DIR
        raise CommandError(f"{out_dir} is inside {in_dir}: its outputs would be read back as inputs; "
                           "choose a directory outside it (or a hidden folder of it)")
    with inbox_errors_reported():
        clashes = output_clashes(in_dir)
    if clashes:
        output, keys = next(iter(clashes.items()))
        more = f" (and {len(clashes) - 1} more outputs like it)" if len(clashes) > 1 else ""
        raise CommandError(f"{len(keys)} inputs would all be written to {output} ({', '.join(keys)}){more}; "
                           "rename all but one")


def dagster_home_problem(home: str | None) -> str | None:
    """Dagster's own rules for DAGSTER_HOME (the persistent instance a run is recorded in), asked
    before the run: Dagster raises them as a traceback once the run is being launched."""
    if not home:
        return None  # a throwaway instance
    path = os.path.expanduser(home)  # as Dagster does: ~/dagster_home is fine
    if not os.path.isabs(path):
        return f"DAGSTER_HOME={home} is not an absolute path; Dagster needs one (e.g. $PWD/{home})"
    if not os.path.isdir(path):
        return f"DAGSTER_HOME={home} is not a directory; create it, or unset DAGSTER_HOME for a throwaway instance"
    return None


def make_warehouse_dir(warehouse: Path) -> None:
    """The warehouse's directory, created if missing; one that cannot be is a mistyped path."""
    try:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise CommandError(f"the warehouse's directory {warehouse.parent} is a file") from None
    except OSError as exc:
        raise CommandError(f"cannot create the warehouse's directory {warehouse.parent}: {exc.strerror}") from None


def text_lines(path: Path) -> list[str]:
    """A file's lines, decoded as ingest decodes an inbox file: a cp1252 or UTF-16 file reads
    right instead of failing on its first non-UTF-8 byte."""
    from pipelines.transforms.decode import Rejected, decode_bytes

    data = path.read_bytes()
    if not data.strip():
        return []
    try:
        text, _ = decode_bytes(data)
    except Rejected as exc:
        raise CommandError(f"{path} is not text: {exc.detail}") from None
    return text.removesuffix("\n").split("\n")


def settings_for(inbox: str | None = None, warehouse: str | None = None) -> Settings:
    """Settings with the paths the command line names. NEWSWH_INBOX / NEWSWH_WAREHOUSE are read
    only for a path it leaves out: set but empty, they are no mistake when the option is given."""
    given = {name: Path(value) for name, value in (("inbox", inbox), ("warehouse", warehouse)) if value}
    return Settings(**given)


def warehouse_path(args: argparse.Namespace) -> Path:
    """The warehouse a reading command works on (--warehouse or settings); it must exist."""
    warehouse = settings_for(warehouse=args.warehouse).warehouse
    if not warehouse.exists():
        raise CommandError(f"no warehouse at {warehouse}; run `newswh run` first")
    return warehouse


@contextmanager
def inbox_errors_reported() -> Iterator[None]:
    """A folder of the input that cannot be listed (permissions, a failing mount) as a CommandError."""
    from pipelines.transforms.ingest import InboxUnreadable

    try:
        yield
    except InboxUnreadable as exc:
        raise CommandError(str(exc)) from exc


@contextmanager
def duckdb_errors_reported() -> Iterator[None]:
    """DuckDB's own message (a binder error, a file that is no DuckDB database) as a CommandError."""
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        raise CommandError(str(exc).strip()) from exc


def names_a_file(path: Path) -> bool:
    """Is `path` something to read: a file, or a pipe (`newswh sql <(...)` hands over /dev/fd/63,
    which is no regular file)? A query longer than a file name may be (255 bytes) is not one:
    stat fails on it with ENAMETOOLONG, which Path.exists lets through."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def writable_file(path: Path) -> None:
    """Refuse an output path that cannot become a file before any work is done for it."""
    if path.is_dir():
        raise CommandError(f"cannot write {path}: it is a directory (name a file in it, e.g. {path / 'report.html'})")
    if not path.parent.is_dir():
        raise CommandError(f"cannot write {path}: there is no directory {path.parent}")


def path_arg(text: str) -> str:
    """argparse type for paths: an empty one (`--input "$INBOX"` with INBOX unset) would quietly
    mean the default inbox or warehouse, and a run would mark the intended one's articles deleted."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: name a file or directory (leave the option out for the default)")
    return text


def seconds_arg(text: str) -> float:
    """argparse type for a wait: `nan` never reaches a deadline (a locked warehouse was waited for
    forever) and a negative wait is a typo; `inf` (wait as long as it takes) is a choice."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds >= 0")
    return value


def positive_int(text: str) -> int:
    """argparse type for counts: `--limit 0` would ask for nothing and `-1` is a DuckDB error."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number >= 1")
    return value


# What Dagster's console logger takes; anything else failed the run with a CheckError traceback.
DAGSTER_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "FATAL")
