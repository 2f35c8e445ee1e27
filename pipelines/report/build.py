"""Assemble report.html: run summary, one section per chart (chart + its data), inline JS."""
from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from pathlib import Path
from string import Template

import polars as pl

from pipelines.report.charts import CHARTS
from pipelines.report.data import ReportData, read_report_data
from pipelines.report.vega import vega_bundle
from pipelines.settings import DEFAULT_WAREHOUSE, PROJECT_ROOT

TEMPLATE = PROJECT_ROOT / "pipelines" / "data" / "report" / "page.html"
TITLES = {
    "top_entities": "Top entities",
    "figures_by_kind": "Figures by kind",
    "boilerplate_by_reason_site": "Boilerplate removed by reason and site",
    "articles_per_story": "Articles per story",
    "check_results": "Check results",
}
EMPTY = {
    "articles_per_story": "No articles are linked to stories yet (articles.story_id is empty or the linking stage has not run).",
    "check_results": "No data-quality check results recorded yet (quality_results is empty).",
}
TABLE_ROWS = 30


def report_path(warehouse: Path) -> Path:
    """report.html beside the warehouse; a warehouse of another name gets `<name>.report.html`,
    so two warehouses in one folder (a.duckdb, b.duckdb) do not overwrite each other's report."""
    if warehouse.name == DEFAULT_WAREHOUSE.name:
        return warehouse.parent / "report.html"
    return warehouse.parent / f"{warehouse.stem}.report.html"


def write_report(warehouse: Path, out: Path | None = None) -> Path:
    """Read the warehouse (read-only) and write its report; returns the report's path."""
    from pipelines.warehouse import open_warehouse

    with open_warehouse(warehouse, read_only=True) as con:
        data = read_report_data(con)
    out = out or report_path(warehouse)
    out.write_text(render(data, warehouse, vega_bundle()), encoding="utf-8")
    return out


def render(data: ReportData, warehouse: Path, bundle: str) -> str:
    specs, sections = {}, []
    for name, frame in data.frames.items():
        chart_id = f"chart-{name.replace('_', '-')}"
        if frame.height:
            specs[chart_id] = CHARTS[name](frame)
        sections.append(_section(name, chart_id, frame))
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        bundle=bundle,
        warehouse=html.escape(str(warehouse)),
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        run_summary=_run_summary(data),
        sections="\n".join(sections),
        # "</" inside a <script> would end it early; JSON allows the escaped form.
        specs=json.dumps(specs, default=str).replace("</", "<\\/"),
    )


def _section(name: str, chart_id: str, frame: pl.DataFrame) -> str:
    head = f'<h2 id="{name}">{TITLES[name]}</h2>'
    if frame.height == 0:
        return f'{head}\n<p class="empty">{html.escape(EMPTY.get(name, "No rows."))}</p>'
    shown = f"{frame.height} rows" if frame.height <= TABLE_ROWS else f"{frame.height} rows, the first {TABLE_ROWS} shown"
    return (f'{head}\n<div class="chart" id="{chart_id}"></div>\n'
            f"<details><summary>data ({shown})</summary>\n{html_table(frame.head(TABLE_ROWS))}</details>")


def _run_summary(data: ReportData) -> str:
    run = data.latest_run
    lines = ["<h2 id=\"run\">Latest run</h2>"]
    if run:
        lines.append(html_table(pl.DataFrame({"field": list(run), "value": [str(v) for v in run.values()]})))
    else:
        lines.append('<p class="empty">No run recorded.</p>')
    counts = pl.DataFrame({"table": list(data.table_counts), "rows": list(data.table_counts.values())})
    lines.append(html_table(counts))
    return "\n".join(lines)


def html_table(frame: pl.DataFrame) -> str:
    header = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    rows = []
    for row in frame.iter_rows():
        cells = []
        for value in row:
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            css = ' class="num"' if numeric else ' class="failed"' if value is False else ""
            cells.append(f"<td{css}>{'' if value is None else html.escape(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
