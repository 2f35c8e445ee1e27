"""The run report: report.html beside the warehouse, static and offline, with Vega-Lite charts.

`write_report(warehouse_path)` reads the warehouse (read-only), draws the charts with altair and
writes one self-contained HTML file: the data is inlined in each chart's spec and the Vega,
Vega-Lite and vega-embed JavaScript is inlined once (bundled by vl-convert, no CDN).
"""
from pipelines.report.build import report_path, write_report

__all__ = ["report_path", "write_report"]
