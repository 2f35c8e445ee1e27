"""entities: spaCy NER over body paragraphs, resolved to canonical entities across articles."""

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by, declared_columns, frame_metadata, stage_out
from pipelines.resources import PipelineConfig, columns_in, release_freed_memory
from pipelines.sqlfiles import sql
from pipelines.transforms.schemas import MENTION_SCHEMA
from pipelines.warehouse import read_existing


@dg.asset(group_name="entities", metadata=declared_columns("entity_mentions"),
          description="Named-entity mentions in body paragraphs, each resolved to an entity_id.",
          ins={"paragraphs": columns_in("paragraphs", "article_id", "paragraph_index", "text"),
               "articles": columns_in("articles", "article_id", "language")})
def entity_mentions(context: dg.AssetExecutionContext, pipeline: PipelineConfig, paragraphs: pl.DataFrame,
                    articles: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    # spaCy is imported when NER runs, not when the code location loads (a no-op rerun never needs it).
    from pipelines.transforms.canonical import resolve_entities
    from pipelines.transforms.entities import extract_mentions, load_nlp
    from pipelines.transforms.language_scope import paragraphs_in_language

    mentions, skipped = pl.DataFrame(), {}
    release_freed_memory()  # the clean pool's leftovers: this process stays up beside the NER workers
    if paragraphs.height:
        nlp = load_nlp(pipeline.spacy_model)
        paragraphs, skipped = paragraphs_in_language(paragraphs, articles, nlp.lang)
        if skipped:
            context.log.info(f"NER skips {sum(skipped.values())} articles not in the model's language "
                             f"({nlp.lang}): {skipped}")
        mentions = extract_mentions(paragraphs.select("article_id", "paragraph_index", "text"), nlp,
                                    n_process=pipeline.n_process, batch_size=pipeline.batch_size)
    known = read_existing(pipeline.warehouse_path, sql("load/known_aliases"))
    resolved = resolve_entities(mentions if mentions.height else _empty_mentions(), known)
    return dg.Output(resolved, metadata=frame_metadata(resolved, by_label=counts_by(resolved, "label"),
                                                       articles_in_other_languages=skipped))


@dg.multi_asset(
    group_name="entities",
    outs={
        "entities": stage_out("entities", "One row per canonical entity across all loaded articles."),
        "entity_aliases": stage_out("entity_aliases", "Every surface form of each entity with its mention count."),
    },
)
def entities(pipeline: PipelineConfig, entity_mentions: pl.DataFrame, ingest_ledger: pl.DataFrame):
    from pipelines.transforms.canonical import build_entities, forget_cached_keys

    kept = read_existing(pipeline.warehouse_path, sql("load/kept_rows").format(table="entity_mentions"), ledger=ingest_ledger)
    every = entity_mentions if kept is None or kept.height == 0 else pl.concat(
        [kept.select(entity_mentions.columns).cast(entity_mentions.schema), entity_mentions])
    table, aliases = build_entities(every)
    forget_cached_keys()  # the last step that keys names: its cache would stay resident all run
    yield dg.Output(table, "entities", metadata=frame_metadata(table, by_label=counts_by(table, "label")))
    yield dg.Output(aliases, "entity_aliases", metadata=frame_metadata(aliases))


def _empty_mentions() -> pl.DataFrame:
    return pl.DataFrame(schema=MENTION_SCHEMA)
