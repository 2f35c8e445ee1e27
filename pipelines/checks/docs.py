"""`make docs`: Great Expectations Data Docs (static HTML) of every suite, validated against the
last run's stage outputs (`<warehouse dir>/stages/<warehouse file>/*.parquet`) and the loaded warehouse.

    .venv/bin/python -m pipelines.checks.docs [--warehouse PATH] [--out DIR]

Open `<out>/index.html` in a browser; it needs no server and no network.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import polars as pl

from pipelines.checks.gx_import import great_expectations
from pipelines.checks.gx_runtime import batch_definition, context
from pipelines.checks.params import suite_parameters
from pipelines.checks.suites import STAGE_SUITES, WAREHOUSE_SUITE, Suite, gx_suite, load_suite
from pipelines.checks.views import VIEWS
from pipelines.settings import Settings

SITE = "newswh"


def add_site(out_dir: Path) -> None:
    context().add_data_docs_site(SITE, {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(out_dir.resolve())},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })


def stage_views(suite: Suite, settings: Settings) -> dict[str, pl.DataFrame] | None:
    """The suite's views over the last run's Parquet hand-offs; None when the run left none."""
    paths = {name: settings.stage_dir / f"{name}.parquet" for name in suite.inputs}
    if not all(p.exists() for p in paths.values()):
        return None
    frames = {name: pl.read_parquet(p) for name, p in paths.items()}
    if suite.name == "articles":
        from pipelines.checks.factory import site_history

        frames["site_history"] = site_history(settings.warehouse)
    params = suite_parameters(suite.raw, min_body_words=settings.min_body_words)
    return VIEWS[suite.name](frames, params)


def warehouse_views(suite: Suite, settings: Settings) -> dict[str, pl.DataFrame] | None:
    if not settings.warehouse.exists():
        return None
    from pipelines.sqlfiles import sql
    from pipelines.warehouse import open_warehouse

    with open_warehouse(settings.warehouse, read_only=True) as con:
        return {c.view: con.execute(sql(c.sql)).pl() for c in suite.checks if c.sql}


def document(suite: Suite, views: dict[str, pl.DataFrame] | None, settings: Settings) -> dict[str, bool | None]:
    """Add the suite's GX suites to the context and, with data, run one validation each.

    Returns `<suite>.<view>` -> passed (None: no data to validate)."""
    gx = great_expectations()
    ctx, ran = context(), {}
    params = suite_parameters(suite.raw, min_body_words=settings.min_body_words)
    for view in suite.views():
        gx_s = ctx.suites.add(gx_suite(suite, view))
        ran[f"{suite.name}.{view}"] = None
        if views is None:
            continue
        frame = views[view]
        wanted = [c for c in suite.columns_of(view) if c in frame.columns]
        definition = ctx.validation_definitions.add(gx.ValidationDefinition(
            name=f"{suite.name}.{view}", data=batch_definition(f"{suite.name}.{view}"), suite=gx_s))
        result = definition.run(batch_parameters={"dataframe": (frame.select(wanted) if wanted else frame).to_pandas()},
                                expectation_parameters=params,
                                result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5})
        ran[f"{suite.name}.{view}"] = result.success
    return ran


def build_docs(settings: Settings, out_dir: Path) -> Path:
    if (out_dir / "gx_index.html").exists():  # a previous build of ours: start clean, not one page per build
        shutil.rmtree(out_dir)
    add_site(out_dir)
    outcomes: dict[str, bool | None] = {}
    for name in STAGE_SUITES:
        outcomes |= document(load_suite(name), stage_views(load_suite(name), settings), settings)
    outcomes |= document(load_suite(WAREHOUSE_SUITE), warehouse_views(load_suite(WAREHOUSE_SUITE), settings), settings)
    context().build_data_docs(site_names=[SITE])
    # GX's own index fills its table with JavaScript from CDNs; keep it, and put a plain one first.
    (out_dir / "index.html").replace(out_dir / "gx_index.html")
    (out_dir / "index.html").write_text(offline_index(out_dir, outcomes), encoding="utf-8")
    ran = sum(v is not None for v in outcomes.values())
    print(f"data docs: {out_dir / 'index.html'} ({ran} validations of the last run"
          f"{'' if ran else ': none found, suites only'})", file=sys.stderr)
    return out_dir / "index.html"


def offline_index(out_dir: Path, outcomes: dict[str, bool | None]) -> str:
    """A static index (no script, no network): each suite view, its last result, links to GX's pages."""
    rows = []
    for key, passed in outcomes.items():
        suite, view = key.split(".", 1)
        pages = sorted((out_dir / "validations" / suite / view).rglob("*.html"))
        result = {True: "passed", False: "FAILED", None: "not run"}[passed]
        validation = f'<a href="{pages[-1].relative_to(out_dir)}">{result}</a>' if pages else result
        rows.append(f'<tr><td>{suite}</td><td><a href="expectations/{suite}/{view}.html">{view}</a></td>'
                    f'<td class="{result.split()[0].lower()}">{validation}</td></tr>')
    return INDEX_TEMPLATE.format(rows="\n".join(rows))


INDEX_TEMPLATE = """<!doctype html><html><head><meta charset="utf-8"><title>news-warehouse data docs</title>
<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:.3em 1em;text-align:left}}
.failed{{color:#b00;font-weight:bold}}.passed{{color:#070}}</style></head><body>
<h1>news-warehouse: expectation suites and the last run's validations</h1>
<p>One suite per stage (expectations/*.json); a stage suite with a derived frame has one page per frame.
<a href="gx_index.html">GX's own index</a> needs a network connection for its scripts.</p>
<table><tr><th>suite</th><th>frame (expectations)</th><th>last validation</th></tr>
{rows}
</table></body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Great Expectations Data Docs (static HTML).")
    parser.add_argument("--warehouse", help="DuckDB file whose last run to validate (default: settings)")
    parser.add_argument("--out", help="output folder (default: data_docs/ beside the warehouse)")
    args = parser.parse_args(argv)
    settings = Settings().with_paths(warehouse=args.warehouse)
    build_docs(settings, Path(args.out) if args.out else settings.warehouse.parent / "data_docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
