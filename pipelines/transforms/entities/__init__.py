"""Named entities: spaCy NER over body paragraphs, with a small rule layer for news text.

`load_nlp` builds the pipeline (only what NER needs), `extract_mentions` runs it over paragraphs
(the asset gives it those in the model's language: pipelines.transforms.language_scope).
Canonicalization across articles lives in `pipelines.transforms.canonical`.
"""
from pipelines.transforms.entities.mentions import KEPT_LABELS, extract_mentions
from pipelines.transforms.entities.nlp import load_nlp

__all__ = ["KEPT_LABELS", "extract_mentions", "load_nlp"]
