"""ingest: every file in the inbox becomes raw article records or quarantine rows, never nothing.

An article's stable key is its *source key*: the inbox-relative POSIX path of the file, plus
`#L<n>` for line n of a JSONL file. `article_id` is a hash of that key, so a file that changes
keeps its id and replaces its old rows.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import polars as pl

from pipelines.transforms.decode import Rejected, decode_bytes, gunzip_limited
from pipelines.transforms.file_stats import HashedFile, Reuse, file_stat
from pipelines.transforms.records import (
    json_record_fields, jsonl_records, looks_like_html, refuse_entity_declarations, sha256,
)
from pipelines.transforms.schemas import QUARANTINE_SCHEMA, RAW_SCHEMA

FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}


def article_id_for(source_key: str) -> str:
    return hashlib.sha256(source_key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Inbox:
    """What one scan of the inbox found: records to parse and files rejected before parsing.

    A record reused from the stat index is a *stub* (`stub` = its file key): key and hash only.
    `complete` reads the stubs that turn out to need processing."""

    records: list[dict]
    quarantine: list[dict]
    root: Path | None = None
    max_file_bytes: int = 0
    hashed: dict[str, HashedFile] = field(default_factory=dict)
    files_reused: int = 0  # files not read because their stat matched the index

    def add_reused(self, key: str, earlier: HashedFile) -> None:
        self.hashed[key] = earlier
        self.files_reused += 1
        self.records.extend({"source_path": k, "content_sha256": sha, "stub": key} for k, sha in earlier.records)

    def complete(self, records: list[dict]) -> list[dict]:
        """`records` with every stub replaced by the full record read from its file."""
        stub_files = {r["stub"] for r in records if r.get("stub")}
        full = {}
        for key in sorted(stub_files):
            for rec in read_source(key, self.root / key, self.root, self.max_file_bytes):
                full[rec["source_path"]] = rec
        return [full[r["source_path"]] if r.get("stub") else r for r in records]


class InboxMissing(FileNotFoundError):
    """The inbox directory is not there (as opposed to there and empty)."""


class InboxUnreadable(OSError):
    """A folder of the inbox could not be listed: its files are not known to be gone."""


def _unlisted(err: OSError) -> None:
    """os.walk's onerror. By default it skips a folder it cannot list, and every article from it
    would be marked deleted; only a folder that is really gone (removed mid-scan) is skipped."""
    if isinstance(err, (FileNotFoundError, NotADirectoryError)):
        return
    raise InboxUnreadable(f"cannot list {err.filename} in the inbox ({err.strerror}): its files would look "
                          "deleted; fix its permissions or mount, then rerun") from err


def list_inbox(inbox: Path) -> Iterator[tuple[str, Path]]:
    """(source key, path) of every regular file below `inbox`, sorted, links out of the inbox skipped."""
    root = str(inbox.resolve())
    # Keys by string slicing, not Path.relative_to: a no-op rerun lists every file and does little else.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=_unlisted):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        prefix = dirpath[len(root) + 1:].replace(os.sep, "/")
        prefix = f"{prefix}/" if prefix else ""
        for name in sorted(filenames):
            if not name.startswith("."):
                yield prefix + name, Path(dirpath, name)
        # os.walk lists a symlinked directory but does not enter it: report it so it is accounted for.
        for name in dirnames:
            if os.path.islink(os.path.join(dirpath, name)):
                yield prefix + name, Path(dirpath, name)


def inbox_fingerprint(inbox: Path) -> str:
    """A hash of every input's key, size and mtime: it changes when a file appears, changes or goes.

    Cheap (no file is read), so a sensor can compute it every minute on a large inbox; a file
    touched without a change costs one run that finds every input unchanged."""
    digest = hashlib.sha256()
    if inbox.is_dir():
        for key, path in list_inbox(inbox):
            try:
                st = path.lstat()
            except OSError:
                continue
            digest.update(f"{key}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def format_of(key: str) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name: `a.jsonl.gz` -> ("jsonl", True)."""
    name = key.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), gz


def read_source(key: str, path: Path, root: Path, max_bytes: int) -> list[dict]:
    """All records of one file; raises Rejected for a file that yields none."""
    if path.is_symlink():
        target = _link_target(path)
        if target is None:
            raise Rejected("not_a_file", f"symlink loop: points to {os.readlink(path)}")
        if not target.is_relative_to(root.resolve()):
            raise Rejected("symlink_outside_inbox", f"points to {os.readlink(path)}")
    if not path.is_file():
        raise Rejected("not_a_file", "not a regular file")
    fmt, gz = format_of(key)
    if fmt is None:
        raise Rejected("unsupported_format", f"unknown extension: {path.name}")
    size = path.stat().st_size
    if size > max_bytes:
        raise Rejected("too_large", f"{size} bytes > limit {max_bytes}")
    data = path.read_bytes()
    if gz:
        data = gunzip_limited(data, max_bytes)
    if not data.strip():
        raise Rejected("empty", "file is empty or whitespace only")
    text, encoding = decode_bytes(data)
    if fmt == "jsonl":
        return list(jsonl_records(key, text, encoding))
    base = {"source_path": key, "source_format": fmt, "content_sha256": sha256(data), "encoding": encoding}
    if fmt == "json":
        return [{**base, **json_record_fields(text)}]
    is_html = fmt == "html" or looks_like_html(text)
    if is_html:
        refuse_entity_declarations(text)
    return [{**base, "raw_text": text, "is_html": is_html}]


def _link_target(path: Path) -> Path | None:
    """Where a symlink ends up, or None for a loop (`a -> b -> a`): Python 3.11's resolve raises
    RuntimeError on one, and one such link must not fail the whole ingest."""
    try:
        return path.resolve()
    except RuntimeError:
        return None


def scan_inbox(inbox: Path, *, max_file_bytes: int, reuse: Reuse | None = None) -> Inbox:
    """Read every inbox file; with `reuse`, a file whose stat matches an earlier scan is not read
    and its records come back as stubs (key and hash only)."""
    if not inbox.is_dir():
        # An unmounted or mistyped inbox must not read as an empty one: every article loaded
        # from it would be marked deleted.
        raise InboxMissing(f"inbox {inbox} is not a directory; nothing was read and the warehouse is unchanged")
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    found = Inbox(records=[], quarantine=[], root=inbox, max_file_bytes=max_file_bytes)
    for key, path in list_inbox(inbox):
        if not _is_utf8(key):
            found.quarantine.append(_quarantine_row(printable_key(key), _safe_sha(path), Rejected(
                "unreadable", "file name is not UTF-8 (an old 8-bit encoding?): rename the file"), now))
            continue
        if JSONL_LINE_KEY_RE.search(key):
            found.quarantine.append(_quarantine_row(escaped_line_key(key), _safe_sha(path), Rejected(
                "reserved_name", f"a name ending in {key[key.rindex('#'):]} is how a JSONL line is keyed "
                "(feed.jsonl#L1 is line 1 of feed.jsonl): rename the file"), now))
            continue
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue  # removed since it was listed: gone, as if the scan had started a moment later
        except OSError as exc:
            found.quarantine.append(_quarantine_row(key, None, Rejected("unreadable", str(exc)), now))
            continue
        earlier = reuse(key, file_stat(st)) if reuse and stat.S_ISREG(st.st_mode) else None
        if earlier is not None:
            found.add_reused(key, earlier)
            continue
        _read_into(found, key, path, st, now)
    return found


def _is_utf8(key: str) -> bool:
    """Is the key a real string? os.walk hands over a name that is not UTF-8 with its bad bytes as
    lone surrogates, which neither the article-id hash nor DuckDB can store."""
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# "feed.jsonl#L1" is line 1 of feed.jsonl: a file named so would share that record's key, and
# one key with two outcomes fails the accounting check of every run.
JSONL_LINE_KEY_RE = re.compile(r"#L\d+$")


def escaped_line_key(key: str) -> str:
    """A file's key that no JSONL line can have: its last '#' spelled %23 ("a#L1" -> "a%23L1")."""
    i = key.rindex("#")
    return f"{key[:i]}%23{key[i + 1:]}"


def printable_key(key: str) -> str:
    """The key with each byte of a non-UTF-8 name spelled as an escape (a Latin-1 café.txt -> caf\\xe9.txt)."""
    return key.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_into(found: Inbox, key: str, path: Path, st: os.stat_result, now: datetime) -> None:
    """Read one file into `found`; a file read without any rejection is remembered in `found.hashed`."""
    hashed_at = time.time_ns()
    try:
        records = read_source(key, path, found.root, found.max_file_bytes)
    except Rejected as exc:
        if not os.path.lexists(path):
            return  # removed while being read: gone (its article is kept as deleted), not "not a file"
        found.quarantine.append(_quarantine_row(key, _safe_sha(path), exc, now))
        return
    except FileNotFoundError:
        return  # removed while being read, as above
    except OSError as exc:
        found.quarantine.append(_quarantine_row(key, None, Rejected("unreadable", str(exc)), now))
        return
    for rec in records:
        if "rejected" in rec:
            found.quarantine.append(_quarantine_row(rec["source_path"], rec["content_sha256"], rec["rejected"], now))
        else:
            found.records.append(rec)
    if stat.S_ISREG(st.st_mode) and not any("rejected" in rec for rec in records):
        found.hashed[key] = HashedFile(file_stat(st), hashed_at, [(r["source_path"], r["content_sha256"]) for r in records])


def _quarantine_row(key: str, sha: str | None, exc: Rejected, now: datetime) -> dict:
    return {"source_path": key, "content_sha256": sha, "reason": exc.reason, "detail": exc.detail[:500], "seen_at": now}


def _safe_sha(path: Path) -> str | None:
    """Hash of a rejected file, read in chunks (it may be a 50 MB file refused as too_large)."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def raw_frame(records: list[dict]) -> pl.DataFrame:
    rows = [{**{k: rec.get(k) for k in RAW_SCHEMA}, "article_id": article_id_for(rec["source_path"])} for rec in records]
    return pl.DataFrame(rows, schema=RAW_SCHEMA)


def quarantine_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=QUARANTINE_SCHEMA)
