"""`newswh bench`: time the real pipeline on the shared news corpus against the bare spaCy floor.

Modules: `corpus` (corpus -> inbox files), `proctree` (peak RSS of a process tree), `events`
(per-step seconds from the Dagster event log), `floor` (bare `nlp.pipe`), `measure` (the whole
benchmark), `report` (JSON and the markdown table).
"""
