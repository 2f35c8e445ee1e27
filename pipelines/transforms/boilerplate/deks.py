"""A standfirst (dek) between the headline and a wire-style lede.

Wire and press-release copy opens its first paragraph with a dateline ("DUBAI, United Arab
Emirates — ...", "WASHINGTON (AP) — ...") or puts the dateline on a line of its own ("BAAR,
SWITZERLAND"). Prose kept between the headline and that lede is the page's summary of the
story, not the story: the lede starts the article.
"""
from __future__ import annotations

from .datelines import opens_with_dateline
from .lines import Line

DEK_MAX_LINES = 2
DEK_MAX_WORDS = 60  # a standfirst is a sentence or two


def drop_deks(lines: list[Line], reasons: list[str | None], title_idx: int | None) -> None:
    """Mark up to two kept prose lines right under the headline as "dek" when a wire lede follows."""
    if title_idx is None:
        return
    kept = [i for i in range(title_idx + 1, len(lines)) if reasons[i] is None][: DEK_MAX_LINES + 1]
    for n, i in enumerate(kept):
        if opens_with_dateline(lines[i].text):
            if n and all(lines[k].quality in ("good", "medium") and lines[k].words <= DEK_MAX_WORDS for k in kept[:n]):
                for k in kept[:n]:
                    reasons[k] = "dek"
            return

