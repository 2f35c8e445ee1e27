"""`newswh clean IN_DIR OUT_DIR`: the cleaner alone, file in, cleaned body out (what benchmarks score)."""
from __future__ import annotations

from pathlib import Path

from pipelines.transforms.clean import clean_record
from pipelines.transforms.decode import Rejected
from pipelines.transforms.ingest import list_inbox, read_source

# Big enough for any real page; the pipeline's own limit comes from settings.
MAX_BYTES = 256 * 1024 * 1024


def cleaned_text(raw_text: str, *, is_html: bool, url: str | None = None) -> str:
    """The body one block per line: paragraphs, headings and list items, in order; nothing else."""
    doc = clean_record(raw_text, is_html=is_html, url=url)
    return "\n".join(block.text for block in doc.blocks)


def output_name(key: str) -> str:
    """Where an input's cleaned body goes, relative to OUT_DIR: `sub/a.html.gz` -> `sub/a.txt`."""
    return str(Path(key).parent / f"{Path(key).name.split('.')[0]}.txt")


def output_clashes(in_dir: Path) -> dict[str, list[str]]:
    """Outputs that two or more inputs would be written to (`a.txt`, `a.html`): each would silently
    overwrite the one before, so the caller refuses to start."""
    by_output: dict[str, list[str]] = {}
    for key, _ in list_inbox(in_dir):
        by_output.setdefault(output_name(key), []).append(key)
    return {out: sorted(keys) for out, keys in by_output.items() if len(keys) > 1}


def clean_directory(in_dir: Path, out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for key, path in list_inbox(in_dir):
        try:
            records = read_source(key, path, in_dir, MAX_BYTES)
        except Rejected:
            records = []
        text = "\n\n".join(cleaned_text(r["raw_text"], is_html=r["is_html"], url=r.get("url"))
                           for r in records if "rejected" not in r)
        out = out_dir / output_name(key)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + ("\n" if text else ""), encoding="utf-8")
        written += 1
    return written
