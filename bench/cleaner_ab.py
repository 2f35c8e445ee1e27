"""Time two checkouts' plain-text cleaners against each other, page by page, in one process.

    python bench/cleaner_ab.py DIR_A DIR_B [--passes 10]

DIR_A and DIR_B are repo checkouts (e.g. `git worktree add --detach /tmp/base <commit>`); each
one's `pipelines` package is imported in turn. Every pass cleans each of the extraction
benchmark's 181 text pages with both, alternating which goes first, and keeps per page the
fastest CPU time of each side. On a shared, noisy machine that ratio is steadier than two
separate `bench/extraction.py` runs, whose pages/s move by 10-20% with the machine's load.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extraction import load_pages, read_input  # noqa: E402


def load_cleaner(checkout: str, warm_up: str):
    """`strip_boilerplate` of the checkout's own `pipelines` package, warmed up."""
    for name in [m for m in sys.modules if m == "pipelines" or m.startswith("pipelines.")]:
        del sys.modules[name]
    sys.path.insert(0, checkout)
    try:
        package = importlib.import_module("pipelines.transforms.boilerplate")
        importlib.import_module("pipelines.transforms.boilerplate.language").load_model()
    finally:
        sys.path.remove(checkout)
    package.strip_boilerplate(warm_up)
    return package.strip_boilerplate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkouts", nargs=2, metavar="DIR")
    ap.add_argument("--passes", type=int, default=10)
    args = ap.parse_args()
    pages = [read_input(rec, "text") for rec in load_pages("all")]
    cleaners = [load_cleaner(checkout, pages[0]) for checkout in args.checkouts]
    fastest = [[float("inf")] * len(pages) for _ in cleaners]
    total = [0.0] * len(cleaners)
    for k in range(args.passes):
        for j, page in enumerate(pages):
            for side in ((0, 1) if (j + k) % 2 == 0 else (1, 0)):
                start = time.process_time()
                cleaners[side](page)
                spent = time.process_time() - start
                total[side] += spent
                fastest[side][j] = min(fastest[side][j], spent)
    for side, checkout in enumerate(args.checkouts):
        print(f"{checkout:30s} fastest per page {len(pages) / sum(fastest[side]):6.1f} pages/s,"
              f" mean {len(pages) * args.passes / total[side]:6.1f} pages/s")
    print(f"B against A: {sum(fastest[0]) / sum(fastest[1]):.2f}x (fastest per page), {total[0] / total[1]:.2f}x (mean)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
