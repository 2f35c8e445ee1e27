"""Readers for the entity data files under pipelines/data/entities (patterns and word lists)."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "entities"


@cache
def load_json(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def ruler_patterns() -> list[dict]:
    """entity_ruler patterns; the data file's `why` field documents each one and is dropped here."""
    lines = (DATA_DIR / "ruler_patterns.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [{k: v for k, v in row.items() if k != "why"} for row in rows]


def person_titles() -> frozenset[str]:
    return frozenset(load_json("person_titles.json")["titles"])
