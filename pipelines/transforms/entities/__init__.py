"""Named entities: spaCy NER over body paragraphs, with a small rule layer for news text.

`load_nlp` builds the pipeline (only what NER needs), `paragraphs_for_model` picks the paragraphs
in its language, `extract_mentions` runs it over them.
Canonicalization across articles lives in `pipelines.transforms.canonical`.
"""
from pipelines.transforms.entities.mentions import KEPT_LABELS, extract_mentions
from pipelines.transforms.entities.nlp import load_nlp
from pipelines.transforms.entities.scope import paragraphs_for_model

__all__ = ["KEPT_LABELS", "extract_mentions", "load_nlp", "paragraphs_for_model"]
