"""Canonicalization: give every entity mention a stable entity_id, one per real-world entity.

How a mention finds its entity (each step documented where it happens):
1. Key: `canonical_key(text)` -- case, accents, dots, hyphens, titles and transliteration
   endings ignored, known variants (aliases.json) mapped to one key. Kiev = Kyiv, U.S. = America.
2. Within an article: a one-word name that is the surname of a full PERSON name in the same
   article takes that full name's key and the PERSON label, whatever the model labelled it
   ("Putin" -> "vladimir putin", "Trump" tagged ORG -> PERSON). An all-caps acronym takes the
   key of a multi-word ORG in the same article that it abbreviates (ISW -> Institute for the
   Study of War).
3. Label conflicts: a mention not resolved in step 2 takes the majority label of its surface
   key over the batch plus the warehouse's known aliases (weighted by their mention counts),
   where a surname resolved in step 2 votes PERSON -- so "Trump" tagged ORG in an article that
   never spells out "Donald Trump" becomes PERSON when other articles show it is his surname.
   Ties go to the label listed first in KEPT_LABELS. In the end every entity has one label (the
   majority over its mentions) and its mentions carry it.
4. Across articles: a surname left on its own (no full name in its article) joins the full
   name that has it as surname, if that full name is the only one or has at least
   SURNAME_DOMINANCE times the mentions of the next; otherwise it stays its own entity. So
   "Donald Trump" and "Ivana Trump" never merge, and a bare "Trump" only joins one of them when
   the evidence is lopsided.
5. Id: a key already in the warehouse keeps its entity_id; otherwise entity_id is a hash of
   label and key, identical in every run.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import polars as pl

from pipelines.transforms.entities.keys import (
    acronym, canonical_key, entity_id, is_acronym, person_key, variant_key,
)
from pipelines.transforms.entities.mentions import KEPT_LABELS

SURNAME_DOMINANCE = 2.0
_LABEL_RANK = {label: rank for rank, label in enumerate(KEPT_LABELS)}


@dataclass
class _Mention:
    article_id: str
    text: str
    label: str
    surface: str  # canonical_key(text): the key of the mention as written
    key: str  # the entity key: surface, or a fuller name's key once resolved
    resolved: bool = False  # the key was set from a fuller name; do not second-guess it


@dataclass
class _Known:
    """What earlier runs left in entity_aliases: key -> entity_id, label votes, full names."""

    ids: dict[str, str] = field(default_factory=dict)
    votes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    full_names: Counter = field(default_factory=Counter)

    @classmethod
    def from_frame(cls, known_aliases: pl.DataFrame | None) -> "_Known":
        known = cls()
        if known_aliases is None or known_aliases.is_empty():
            return known
        best: dict[str, int] = {}
        for row in known_aliases.iter_rows(named=True):
            key, count = canonical_key(row["alias"]), int(row["mention_count"] or 0)
            known.votes[key][row["label"]] += count
            if count > best.get(key, -1):
                best[key], known.ids[key] = count, row["entity_id"]
            if row["label"] == "PERSON" and " " in key:
                known.full_names[key] += count
        return known


def resolve_entities(mentions: pl.DataFrame, known_aliases: pl.DataFrame | None = None) -> pl.DataFrame:
    """`mentions` plus entity_id; label made consistent per entity (see module doc)."""
    known = _Known.from_frame(known_aliases)
    rows = [
        _Mention(a, t, lab, key, key)
        for a, t, lab, key in zip(mentions["article_id"], mentions["text"], mentions["label"],
                                 [canonical_key(t) for t in mentions["text"]])
    ]
    by_article: dict[str, list[_Mention]] = defaultdict(list)
    for row in rows:
        by_article[row.article_id].append(row)
    for article_rows in by_article.values():
        _resolve_surnames_in_article(article_rows)
        _resolve_acronyms_in_article(article_rows)
    _vote_surface_labels(rows, known)
    _resolve_surnames_across_articles(rows, known)
    _apply_entity_labels(rows)
    ids = [known.ids.get(row.key) or entity_id(row.label, row.key) for row in rows]
    return mentions.with_columns(
        pl.Series("label", [row.label for row in rows], dtype=pl.String),
        pl.Series("entity_id", ids, dtype=pl.String),
    )


def _resolve_surnames_in_article(rows: list[_Mention]) -> None:
    """`rows` in reading order (mentions come sorted by paragraph and offset)."""
    by_surname: dict[str, Counter] = defaultdict(Counter)
    first_seen: dict[str, int] = {}
    for n, row in enumerate(rows):
        if row.label == "PERSON" and " " in row.key:
            by_surname[row.key.rsplit(" ", 1)[1]][row.key] += 1
            first_seen.setdefault(row.key, n)
    for row in rows:
        candidates = by_surname.get(row.key)
        # A known place or organisation spelling ("Kyiv") is never read as a surname.
        if " " in row.key or not candidates or variant_key(row.text):
            continue
        row.key, row.label, row.resolved = _most_common(candidates, first_seen), "PERSON", True


def _resolve_acronyms_in_article(rows: list[_Mention]) -> None:
    expansions = {acronym(r.text): r.key for r in rows if r.label == "ORG" and " " in r.key}
    expansions.pop("", None)
    for row in rows:
        if row.resolved or not is_acronym(row.text) or variant_key(row.text):
            continue
        expansion = expansions.get(row.key.replace(" ", ""))
        if expansion:  # the small model often calls an unknown acronym GPE; its expansion knows better
            row.key, row.label, row.resolved = expansion, "ORG", True


def _vote_surface_labels(rows: list[_Mention], known: _Known) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        votes[row.surface][row.label] += 1
    for key, counts in known.votes.items():
        if key in votes:
            votes[key].update(counts)
    for row in rows:
        if not row.resolved:
            row.label = _majority(votes[row.surface])


def _apply_entity_labels(rows: list[_Mention]) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        votes[row.key][row.label] += 1
    for row in rows:
        row.label = _majority(votes[row.key])


def _majority(counts: Counter) -> str:
    return min(counts, key=lambda label: (-counts[label], _LABEL_RANK.get(label, 99)))


def _resolve_surnames_across_articles(rows: list[_Mention], known: _Known) -> None:
    by_surname: dict[str, Counter] = defaultdict(Counter)
    full_names = Counter(r.key for r in rows if r.label == "PERSON" and " " in r.key)
    full_names.update(known.full_names)
    for key, count in full_names.items():
        by_surname[key.rsplit(" ", 1)[1]][key] += count
    for row in rows:
        if row.resolved or row.label != "PERSON" or " " in row.key:
            continue
        winner = _dominant(by_surname.get(row.key, Counter()))
        if winner:
            row.key, row.resolved = winner, True


def _dominant(candidates: Counter) -> str | None:
    ranked = sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= SURNAME_DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


def _most_common(counts: Counter, first_seen: dict[str, int]) -> str:
    """The full name mentioned most; of equals, the one the article introduced first, as a
    reporter names a person in full before the surname alone ("CEO Tim Cook said ..." over
    the small model's "Hosting Cook" further down)."""
    return min(counts, key=lambda key: (-counts[key], first_seen[key]))


def build_entities(entity_mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entities, entity_aliases) from all mentions that carry an entity_id.

    name is the most frequent full form: among aliases of two or more words (titles aside, so
    "Ms Villalba" is not a full form) if there are any ("Volodymyr Zelenskyy" over the more
    frequent "Zelenskyy", "United States" over "U.S."), else among all; ties go to the longer,
    then the alphabetically first alias. All-caps forms longer than an acronym come last
    ("Washington" over the dateline's "WASHINGTON").
    """
    aliases = (
        entity_mentions.group_by("entity_id", pl.col("text").alias("alias"))
        .agg(pl.len().cast(pl.Int32).alias("mention_count"))
        .sort("entity_id", "alias")
    )
    names = (
        aliases.with_columns(
            pl.col("alias").map_elements(_is_full_form, return_dtype=pl.Boolean).alias("_full"),
            # Datelines shout ("WASHINGTON -"); prefer the written form, but keep short acronyms.
            ((pl.col("alias") == pl.col("alias").str.to_uppercase())
             & (pl.col("alias").str.len_chars() > 5)).not_().alias("_calm"),
            pl.col("alias").str.len_chars().alias("_length"),
        )
        .sort(["_full", "_calm", "mention_count", "_length", "alias"], descending=[True, True, True, True, False])
        .group_by("entity_id", maintain_order=True)
        .agg(pl.col("alias").first().alias("name"))
    )
    entities = (
        entity_mentions.group_by("entity_id")
        .agg(
            pl.col("label").mode().sort().first().alias("label"),
            pl.len().cast(pl.Int32).alias("mention_count"),
            pl.col("article_id").n_unique().cast(pl.Int32).alias("article_count"),
        )
        .join(names, on="entity_id", how="left")
        .select("entity_id", "name", "label", "mention_count", "article_count")
        .sort("entity_id")
    )
    return entities, aliases


def _is_full_form(alias: str) -> bool:
    return " " in person_key(alias)


def forget_cached_keys() -> None:
    """Empty canonical_key's cache (one entry per distinct mention text: tens of MB on a large
    batch), once a run has keyed every mention and built its entities."""
    canonical_key.cache_clear()
