"""Optional measurements that depend on other parts of the repo: cleaner pages/s, linking stage."""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

EXTRACTION = PROJECT_ROOT / "bench" / "extraction.py"
LINKS_SCALE = PROJECT_ROOT / "bench" / "links" / "scale.py"


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cleaning_pages_per_s() -> dict | None:
    """Plain-text and HTML cleaning pages/s via bench/extraction.py's own timing, if it and its data exist."""
    if not EXTRACTION.exists():
        return None
    extraction = _load(EXTRACTION)
    if not extraction.DATA.exists():
        return None
    pages = extraction.load_pages("all")
    with tempfile.TemporaryDirectory(prefix="clean-bench-") as tmp:
        try:
            return {
                "pages": len(pages),
                "text": round(extraction.run("text", pages, Path(tmp) / "text", extraction.clean_text)[0], 1),
                "html": round(extraction.run("html", pages, Path(tmp) / "html", extraction.clean_html)[0], 1),
            }
        except Exception as exc:  # noqa: BLE001 - the cleaner is someone else's, mid-edit at times
            return {"error": f"{type(exc).__name__}: {exc}"}


LINK_SIZES = (2_000, 20_000)


def linking_stage(sizes: tuple[int, ...] = LINK_SIZES) -> dict | None:
    """Seconds of the linking stage at each size (bench/links/scale.py's article sets, synthetic
    copies included) and the growth factor, which near-linear scaling keeps close to the size ratio."""
    if not LINKS_SCALE.exists():
        return None
    sys.path.insert(0, str(PROJECT_ROOT))
    from bench.links.scale import linking_seconds, load_corpus

    corpus = load_corpus()
    seconds = {n: round(linking_seconds(n, corpus), 2) for n in sizes}
    small, large = sizes[0], sizes[-1]
    return {"seconds": seconds, "size_ratio": large / small, "time_ratio": round(seconds[large] / seconds[small], 2)}
