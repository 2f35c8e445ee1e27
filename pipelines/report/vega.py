"""The Vega + Vega-Lite + vega-embed JavaScript, bundled offline by vl-convert and cached on disk.

vl-convert ships the libraries inside its wheel, so no CDN and no network is needed. Bundling
takes a few seconds, so the result is kept in the system temp dir, keyed by vl-convert's version
(shared by every warehouse on the machine, test warehouses included).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import vl_convert


def vega_bundle(cache_dir: Path | None = None) -> str:
    cache_dir = cache_dir or Path(tempfile.gettempdir())
    cache = cache_dir / f"news-warehouse-vega-bundle-vl-convert-{vl_convert.__version__}.js"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    bundle = vl_convert.javascript_bundle()
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")  # concurrent runs never share a half-written file
    tmp.write_text(bundle, encoding="utf-8")
    tmp.replace(cache)
    return bundle
