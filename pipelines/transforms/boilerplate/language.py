"""Language of a page and its stop-word list.

py3langid (a small offline n-gram model shipped in the wheel) classifies a sample of the
longest lines: about 0.3 ms a page on 1,000 characters. Stop-word lists come from jusText,
already installed with trafilatura.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from .rules import DATA_DIR

SAMPLE_CHARS = 1000  # enough for a stable guess; py3langid's cost grows with the sample
# Share of English stop words above which a sample is English without asking the model:
# English prose scores 0.35-0.55 on jusText's list, other benchmark languages at most 0.14.
ENGLISH_STOP_SHARE = 0.3
# py3langid 0.4 labels terse English as Nigerian Pidgin (pcm, an English-lexified creole): 1,344
# of the news corpus' 21,268 articles, mostly Reuters dividend and earnings notices, which are too
# short on stop words for the English fast path. Without pcm among its classes they come out
# English (or, for the tables, no language).
EXCLUDED_LANGUAGES = frozenset({"pcm"})
NO_LANGUAGE = "zxx"  # py3langid's label for text without linguistic content (tables of numbers)
# A guess of another language than English below this probability is a guess among many (number
# tables came out Volapük, Danish, Bikol): no language. English guesses stay, however unsure:
# a page of names and scores in English is still English to the stop-word list and to NER.
MIN_CONFIDENCE = 0.5
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    identifier = _load_identifier(norm_probs=True)  # probabilities, for MIN_CONFIDENCE
    identifier.set_languages(sorted(set(identifier.nb_classes) - EXCLUDED_LANGUAGES))
    return identifier


def load_model() -> None:
    """Load the language model and the stop-word lists now: `detect_language` loads the model
    lazily, at the first page the English fast path does not settle (half a second), and
    `stopwords` each list at the first page in its language (2 ms each), which a benchmark's
    warm-up on an English page would otherwise leave inside the timed run."""
    _identifier()
    for lang in _stoplist_names():
        stopwords(lang)


@lru_cache(maxsize=1)
def _stoplist_names() -> dict[str, str]:
    return json.loads((DATA_DIR / "stoplist_languages.json").read_text(encoding="utf-8"))["languages"]


def detect_language(lines: list[str]) -> str | None:
    """ISO 639-1 code of the text in `lines`, judged on the longest ones (body, not menus);
    None for no text, or for text in no language (tables of numbers)."""
    sample, size = [], 0
    for line in sorted(lines, key=len, reverse=True):
        sample.append(line)
        size += len(line)
        if size >= SAMPLE_CHARS:
            break
    text = " ".join(sample)[: SAMPLE_CHARS * 2]
    if not text.strip():
        return None
    if _english_share(text) >= ENGLISH_STOP_SHARE:
        return "en"  # the fast path: most of the corpus, a tenth of the model's cost
    lang, probability = _identifier().classify(text)
    if lang == NO_LANGUAGE or (lang != "en" and probability < MIN_CONFIDENCE):
        return None
    return lang


def _english_share(text: str) -> float:
    tokens = _WORD_RE.findall(text.lower())
    english = stopwords("en")
    return sum(map(english.__contains__, tokens)) / len(tokens) if tokens else 0.0


@lru_cache(maxsize=None)
def stopwords(lang: str | None) -> frozenset[str]:
    """Lower-case stop words of `lang`; empty when jusText has no list for it (ja, zh)."""
    name = _stoplist_names().get(lang or "")
    if not name:
        return frozenset()
    import justext

    return frozenset(justext.get_stoplist(name))
