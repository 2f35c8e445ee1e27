"""Per-line features for a learned second pass over the lines the plain-text rules kept.

The idea (issue 3): what leaks past the rules (a caption written as a sentence, a company
boilerplate paragraph, a teaser under the article) may still look out of place: short,
capitalised, next to lines the rules dropped, far from the body's centre. These features
describe a line and its rule-judged neighbourhood; `bench/line_model_cv.py` cross-validates
models on them. Bench-only: the experiment did not earn a place in the pipeline (see there).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.transforms.boilerplate.grading import is_heading_like  # noqa: E402
from pipelines.transforms.boilerplate.lines import WORD_RE, Line  # noqa: E402

MIN_TOKENS = 4  # the scorer's leak definition; shorter kept lines are headings and list items
NEIGHBOUR_SPAN = 3
# text cues (case-insensitive), each a 0/1 feature
CUES = {
    "picture": r"\b(?:photo|image|picture|pictured|illustration|video|gallery|getty|reuters|afp|ap photo|shutterstock|file)\b",
    "link": r"\b(?:read more|click|watch|listen|subscribe|sign up|download|follow|share|learn more|see also|related)\b|[»›→]",
    "credit": r"©|\bcopyright\b|\bcredit\b|\bcourtesy\b|/\s*[A-Z]",
    "contact": r"@|https?://|www\.|\.com\b",
    "separator": r"\s[|•·]\s|\s[-–—]\s*$|^[-–—]",
    "quoted_start": r"^[\"“‘']",
    "question": r"\?[\"”’]?$",
}
# the rules' reason codes in groups: what kind of line was dropped next to a kept one
REASON_GROUPS = {
    "chrome": ("nav", "footer", "site_repeated", "short_fragment", "stranded", "share", "tags", "cookie_notice",
               "browser_notice", "legal", "copyright", "site_notice"),
    "picture": ("caption", "photo_credit", "image_gallery", "credit", "ad_marker"),
    "region": ("related_block", "related_link", "comments", "comment_meta", "author_bio", "link_list", "teaser",
               "more_from", "promo", "newsletter_promo"),
    "head": ("title", "dek", "byline", "dateline", "duplicate", "summary"),
}

BASE_FEATURES = (
    "log_words", "stop_density", "ends_sentence", "has_sentence", "title_case", "cap_ratio",
    "digit_ratio", "upper_ratio", "glued", "list_item", "good", "heading_like",
    "page_position", "body_position", "first_kept", "last_kept", "log_from_first_kept",
    "log_to_last_kept", "log_from_title", "no_title", "prev_dropped", "next_dropped",
    "dropped_near", "log_run_lines", "run_words_share", "log_words_vs_median", "repeated",
)


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], dict[str, str]]:
    cues = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in CUES.items())
    groups = {reason: group for group, reasons in REASON_GROUPS.items() for reason in reasons}
    return cues, groups


def feature_names() -> tuple[str, ...]:
    cues, groups = _cues()
    group_names = sorted(set(groups.values())) + ["other"]
    neighbour = tuple(f"{side}_{g}" for side in ("prev", "next") for g in group_names)
    return BASE_FEATURES + tuple(f"cue_{name}" for name, _ in cues) + neighbour


def candidates(lines: list[Line], reasons: list[str | None]) -> list[int]:
    """Kept lines long enough to count as a leak: the only lines the model may drop."""
    return [i for i, r in enumerate(reasons) if r is None and len(WORD_RE.findall(lines[i].text)) >= MIN_TOKENS]


def line_features(lines: list[Line], reasons: list[str | None], indices: list[int]) -> list[list[float]]:
    """One feature row per line index, in `feature_names()` order."""
    cues, groups = _cues()
    group_names = sorted(set(groups.values())) + ["other"]
    n = len(lines)
    kept = [i for i, r in enumerate(reasons) if r is None]
    if not kept:
        return []
    first, last = kept[0], kept[-1]
    rank = {i: k for k, i in enumerate(kept)}
    title = next((i for i, r in enumerate(reasons) if r == "title"), None)
    kept_words = sorted(lines[i].words for i in kept)
    median_words = max(1, kept_words[len(kept_words) // 2])
    total_words = max(1, sum(kept_words))
    keys: dict[str, int] = {}
    for line in lines:
        keys[line.key] = keys.get(line.key, 0) + 1
    runs = _kept_runs(reasons, lines)
    rows = []
    for i in indices:
        line = lines[i]
        tokens = WORD_RE.findall(line.text)
        alpha = [t for t in tokens if t[0].isalpha()]
        chars = max(1, sum(len(t) for t in tokens))
        prev_reason = reasons[i - 1] if i > 0 else "nav"
        next_reason = reasons[i + 1] if i + 1 < n else "footer"
        near = [reasons[k] for k in range(max(0, i - NEIGHBOUR_SPAN), min(n, i + NEIGHBOUR_SPAN + 1)) if k != i]
        run_lines, run_words = runs[i]
        row = [
            math.log1p(line.words),
            line.stop_density,
            float(line.ends_sentence),
            float(line.has_sentence),
            float(line.title_case),
            sum(1 for t in alpha if t[0].isupper()) / max(1, len(alpha)),
            sum(c.isdigit() for c in line.text) / chars,
            sum(1 for t in alpha if t.isupper() and len(t) > 1) / max(1, len(alpha)),
            float(line.glued > 0),
            float(line.list_item),
            float(line.quality == "good"),
            float(is_heading_like(line)),
            i / n,
            rank[i] / max(1, len(kept) - 1),
            float(i == first),
            float(i == last),
            math.log1p(i - first),
            math.log1p(last - i),
            math.log1p(abs(i - title)) if title is not None else 0.0,
            float(title is None),
            float(prev_reason is not None),
            float(next_reason is not None),
            sum(r is not None for r in near) / max(1, len(near)),
            math.log1p(run_lines),
            run_words / total_words,
            math.log(max(1, line.words) / median_words),
            float(keys[line.key] > 1),
        ]
        row.extend(1.0 if rx.search(line.text) else 0.0 for _, rx in cues)
        for reason in (prev_reason, next_reason):
            group = groups.get(reason, "other") if reason is not None else None
            row.extend(1.0 if group == g else 0.0 for g in group_names)
        rows.append(row)
    return rows


def _kept_runs(reasons: list[str | None], lines: list[Line]) -> dict[int, tuple[int, int]]:
    """For each kept line, (lines, words) of the unbroken run of kept lines it sits in."""
    out: dict[int, tuple[int, int]] = {}
    run: list[int] = []
    for i, r in enumerate([*reasons, "end"]):
        if r is None:
            run.append(i)
            continue
        if run:
            words = sum(lines[k].words for k in run)
            out.update((k, (len(run), words)) for k in run)
        run = []
    return out
