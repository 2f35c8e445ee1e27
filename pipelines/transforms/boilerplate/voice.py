"""The site speaking to its reader, told by its vocabulary rather than by phrases: a cookie
banner, a consent note, a newsletter sign-up or a comment form's note ("This website uses
cookies to improve your experience", "By signing up, you agree to our Privacy Policy") says
"you" or "we" and names two or more parts of a website's machinery (cookies, privacy, terms,
subscription, account, email...) in a few words. The phrase rules (line_patterns.json) know
the common wordings; this finds a site's own. The words are data: site_voice.json.

A news story about a website names such things too, but seldom two in one short line that
also addresses the reader; quotes are left out ("Our policy is not to comment", a spokesman
said), and a long paragraph needs more of them (`words_per_concept`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from .lines import WORD_RE, Line, lower_words
from .rules import DATA_DIR

# British papers quote in ‘single’ quotes, whose closer is also the apostrophe ("isn’t"): only a ’
# with no letter after it closes. A quote left open runs to the line's end: it goes on into the
# next paragraph, which opens with a quotation mark again.
QUOTED_RE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘.*?(?:’(?!\w)|$)")


@dataclass(frozen=True)
class SiteVoice:
    concept_of: dict[str, str]  # word -> concept
    words: frozenset[str]  # the keys of concept_of
    pairs: tuple[tuple[str, str], ...]  # (" sign up ", concept): token pairs, space-padded
    reader_words: frozenset[str]
    reader_cores: tuple[str, ...]  # the reader words that contain no other: "you" is in "your"
    min_concepts: int
    words_per_concept: int
    min_words: int
    max_words: int


@lru_cache(maxsize=1)
def site_voice() -> SiteVoice:
    data = json.loads((DATA_DIR / "site_voice.json").read_text(encoding="utf-8"))
    return SiteVoice(
        concept_of={word: concept for concept, words in data["concepts"].items() for word in words},
        words=frozenset(word for words in data["concepts"].values() for word in words),
        pairs=tuple((f" {pair} ", concept) for concept, pairs in data["two_word_concepts"].items() for pair in pairs),
        reader_words=frozenset(data["reader_words"]),
        reader_cores=tuple(w for w in data["reader_words"] if not any(o != w and o in w for o in data["reader_words"])),
        min_concepts=data["min_concepts"],
        words_per_concept=data["words_per_concept"],
        min_words=data["min_words"],
        max_words=data["max_words"],
    )


# "their websites", "its app": another's machinery, which a story names as often as it likes
OTHERS = frozenset({"their", "its", "his", "her"})


def _concepts(tokens: list[str], voice: SiteVoice) -> set[str]:
    found = {voice.concept_of[t] for before, t in zip(["", *tokens], tokens) if t in voice.concept_of and before not in OTHERS}
    padded = f" {' '.join(tokens)} "
    found.update(concept for pair, concept in voice.pairs if pair in padded)
    return found


def _speaks_to_reader(line: Line, tokens: list[str], voice: SiteVoice) -> bool:
    """Does this line (`tokens`: its lower-case words) address the reader about the site's own
    machinery, outside its quotes?"""
    if len(_concepts(tokens, voice)) < voice.min_concepts:
        return False  # (the quotes cost a regex pass: only for lines that may qualify)
    tokens = WORD_RE.findall(QUOTED_RE.sub(" ", line.text).lower())
    concepts = _concepts(tokens, voice)
    return (
        len(concepts) >= voice.min_concepts
        and len(concepts) * voice.words_per_concept >= len(tokens)
        and not voice.reader_words.isdisjoint(tokens)
    )


def mark_site_notices(lines: list[Line]) -> None:
    """Lines where the site speaks to its reader become "site_notice": prose, or a line too
    short or unpunctuated for prose ("Leave your email below and our newsletter arrives every weekday")."""
    voice = site_voice()
    words, min_words, max_words = voice.words, voice.min_words, voice.max_words
    for line in lines:
        if not min_words <= line.words <= max_words or line.quality == "bad":
            continue  # menus, and lines a rule already dropped
        # a third of the lines hold "you", "we" or "our" anywhere: a few substring tests, then
        # the token look-ups on those only, and most of them hold no word of the lexicon
        lowered = line.lower_tokens if line.lower_tokens is not None else line.text.lower()
        if not any(map(lowered.__contains__, voice.reader_cores)):
            continue
        tokens = lower_words(line)
        if not words.isdisjoint(tokens) and _speaks_to_reader(line, tokens, voice):
            line.quality, line.reason = "bad", "site_notice"
