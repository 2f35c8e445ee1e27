"""The floor: bare `nlp.pipe` over the pipeline's own paragraph texts, same model, components,
n_process and batch_size as the entities stage. Run as its own process (`python -m`), so it
starts as cold as the pipeline's NER step does.

    python -m pipelines.bench.floor PARAGRAPHS.parquet MODEL N_PROCESS BATCH_SIZE
prints one JSON object: seconds (pipe only), load_seconds, texts, words.
"""
from __future__ import annotations

import json
import sys
import time

import polars as pl


def measure_floor(texts: list[str], model: str, n_process: int, batch_size: int) -> dict:
    from pipelines.transforms.entities import load_nlp

    start = time.perf_counter()
    nlp = load_nlp(model)
    loaded = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    done = time.perf_counter()
    return {"seconds": done - loaded, "load_seconds": loaded - start, "texts": len(texts),
            "words": sum(len(t.split()) for t in texts), "components": nlp.pipe_names}


def main(argv: list[str]) -> int:
    path, model, n_process, batch_size = argv
    texts = pl.read_parquet(path, columns=["text"]).get_column("text").to_list()
    print(json.dumps(measure_floor(texts, model, int(n_process), int(batch_size))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
