"""What identifies a file's content without reading it, as git's index does.

An unchanged stat (size, mtime, ctime, inode, device) lets a rerun reuse what an earlier scan
read from the file instead of reading and hashing it again (inventory.StatIndex decides when).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

# size, mtime, ctime (which no tool can set back), inode, device
FileStat = tuple[int, int, int, int, int]
# (file key, its FileStat) -> what an earlier scan read from that unchanged file, or None (read it).
Reuse = Callable[[str, FileStat], "HashedFile | None"]


def file_stat(st: os.stat_result) -> FileStat:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


@dataclass
class HashedFile:
    """A file whose records were all read without rejection: what the next scan may reuse."""

    stat: FileStat
    hashed_at_ns: int  # when it was read (a write after this changes its ctime)
    records: list[tuple[str, str]]  # (source key, content sha256)
