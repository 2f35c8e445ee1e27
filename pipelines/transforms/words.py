"""How many words a text holds: the one definition the clean stage, segment and the checks share.

Whitespace separates words in most scripts. Chinese and Japanese are written without spaces, so
a whitespace count made an 800-character Japanese article "16 words" and quarantined it as
too_short; here each of their characters counts as a word (a Japanese word averages about two
characters, so the count errs high, never low). Korean puts spaces between words and needs nothing.
"""
from __future__ import annotations

import re

# Hiragana, Katakana, CJK ideographs (extension A, unified, compatibility): the same ranges the
# cleaner's line features treat as scripts without spaces.
CJK_CHARACTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK punctuation and full-width forms ("。", "，", "！") sit between those characters the way a
# comma sits on an English word: they make no word of their own.
CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"
# One CJK character, or a run of other non-space characters. Written so that Python's re and
# polars' (Rust) regex read it alike: the ranges are literal characters, not escapes.
WORD_PATTERN = f"[{CJK_CHARACTERS}]|[^\\s{CJK_CHARACTERS}{CJK_PUNCTUATION}]+"
_WORD_RE = re.compile(WORD_PATTERN)


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))
