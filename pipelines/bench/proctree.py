"""Peak resident memory of a process and all its descendants (spaCy workers included), from /proc."""
from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # Field 4 is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree_pids(root: int) -> list[int]:
    children, found, todo = _children_map(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss_mb(root: int) -> float:
    return sum(rss_kb(pid) for pid in tree_pids(root)) / 1024


def children_cpu_seconds() -> float:
    """User + system CPU of every finished (waited-for) descendant, spaCy workers included.

    Differences of this around one child run give that run's CPU time, which other work on the
    machine does not inflate the way it inflates wall time.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class TreeRun:
    returncode: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    # (epoch seconds, tree RSS MB) every sample, so a peak can be put on the step that was running.
    rss_samples: list[tuple[float, float]] = field(default_factory=list)

    def peak_between(self, start: float, end: float) -> float:
        """Peak tree RSS (MB) sampled in [start, end] (epoch seconds); 0 when no sample fell there."""
        return max((mb for t, mb in self.rss_samples if start <= t <= end), default=0.0)


def run_measured(cmd: list[str], env: dict[str, str], interval: float = 0.2) -> TreeRun:
    """Run `cmd`, sampling the summed RSS of its whole process tree until it exits."""
    start, cpu_start = time.perf_counter(), children_cpu_seconds()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, float]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.time(), round(tree_rss_mb(proc.pid), 1)))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    cpu = children_cpu_seconds() - cpu_start
    peak = max((mb for _, mb in samples), default=0.0)
    return TreeRun(proc.returncode, seconds, round(cpu, 2), peak, out, err, samples)
