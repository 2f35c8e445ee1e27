"""`newswh`: the command line of news-warehouse."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipelines.cli_guards import (
    DAGSTER_LOG_LEVELS, CommandError, check_clean_paths, duckdb_errors_reported, inbox_errors_reported, names_a_file,
    path_arg, positive_int, seconds_arg, text_lines, warehouse_path, writable_file,
)
from pipelines.cli_run import cmd_run, interrupted_state
from pipelines.settings import SettingsError


def cmd_clean(args: argparse.Namespace) -> int:
    from pipelines.cleanfiles import clean_directory

    in_dir, out_dir = Path(args.in_dir), Path(args.out_dir)
    check_clean_paths(in_dir, out_dir)
    with inbox_errors_reported():
        written = clean_directory(in_dir, out_dir)
    print(f"cleaned {written} files into {args.out_dir}", file=sys.stderr)
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    import json

    from pipelines.transforms.figures import figures_jsonl

    if args.file != "-" and Path(args.file).is_dir():
        raise CommandError(f"{args.file} is a directory, not a file")
    if args.file != "-" and not names_a_file(Path(args.file)):  # a pipe (<(zcat lines.gz)) is fine
        raise CommandError(f"no file {args.file}")
    lines = (line.rstrip("\n") for line in sys.stdin) if args.file == "-" else text_lines(Path(args.file))
    for obj in figures_jsonl(lines):
        print(json.dumps(obj, ensure_ascii=False))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from contextlib import suppress

    from pipelines.search import load_fts
    from pipelines.warehouse import open_warehouse

    warehouse = warehouse_path(args)
    path = Path(args.file)
    is_file = names_a_file(path)
    if path.suffix.lower() == ".sql" and not is_file:
        raise CommandError(f"no SQL file {args.file}")
    try:
        query = path.read_text(encoding="utf-8") if is_file else args.file
    except UnicodeDecodeError:
        raise CommandError(f"{args.file} is not UTF-8 text; save it as UTF-8") from None
    with duckdb_errors_reported(), open_warehouse(warehouse, read_only=True) as con:
        if not query.strip() or not con.extract_statements(query):
            raise CommandError("no SQL statement to run (the query is empty or only comments)")
        with suppress(FileNotFoundError):  # fts from its pip package: search_paragraphs(...) never autoloads from the network
            load_fts(con)
        result = con.sql(query)
        if result is not None:  # None: a statement without rows (COPY ... TO, SET) has run
            print_whole(result)
    return 0


# DuckDB's Python renderer runs a relation with LIMIT 10000 whatever `max_rows` says, and then
# ends the table with "? rows" (it cannot tell whether more followed)
DRAWN_ROWS_MAX = 10_000


def print_whole(result) -> None:
    """DuckDB's own table, as `make sql` draws it, with every column and character, and every row
    up to DRAWN_ROWS_MAX; a longer result says on stderr how many rows it holds and how to get them all."""
    import contextlib
    import io

    drawn = io.StringIO()
    with contextlib.redirect_stdout(drawn):
        result.show(max_width=sys.maxsize, max_rows=sys.maxsize, max_col_width=sys.maxsize)
    sys.stdout.write(drawn.getvalue())
    sys.stdout.flush()  # a reader gone (`| head`) is a BrokenPipeError here, which `main` answers
    if drawn.getvalue().rstrip().endswith("? rows") and result.limit(1, offset=DRAWN_ROWS_MAX).fetchone() is not None:
        total = result.aggregate("count(*)").fetchone()[0]
        print(f"newswh sql: the first {DRAWN_ROWS_MAX} of {total} rows are shown; COPY (query) TO 'rows.csv' "
              "writes them all", file=sys.stderr)


def cmd_bench(args: argparse.Namespace) -> int:
    from pipelines.bench.corpus import CORPUS
    from pipelines.bench.measure import run_bench
    from pipelines.bench.report import markdown, write

    if not CORPUS.exists():
        print(f"newswh bench: corpus {CORPUS} not found (the shared data sets live beside the repo)", file=sys.stderr)
        return 2
    result = run_bench(args.limit, scale=args.scale, extras=not args.no_extras)
    path = write(result, Path(args.json) if args.json else None)
    print(markdown(result))
    print(f"wrote {path} and {path.with_suffix('.md')}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    import json

    from pipelines.search import format_hits, search
    from pipelines.warehouse import open_warehouse

    warehouse = warehouse_path(args)
    with duckdb_errors_reported(), open_warehouse(warehouse, read_only=True) as con:
        try:
            hits = search(con, args.query, args.limit)
        except LookupError as exc:  # a DuckDB file no load has built the index in
            raise CommandError(str(exc)) from exc
    if args.json:
        for hit in hits.iter_rows(named=True):
            print(json.dumps(hit, ensure_ascii=False))
    else:
        print(format_hits(hits))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pipelines.report import write_report

    warehouse = warehouse_path(args)
    out = Path(args.out) if args.out else None
    if out is not None:
        writable_file(out)
        if out.resolve() == warehouse.resolve():
            raise CommandError(f"cannot write {out}: it is the warehouse itself")
    with duckdb_errors_reported():
        path = write_report(warehouse, out)
    print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswh", description="news-warehouse: raw news articles -> DuckDB warehouse")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the whole pipeline (Dagster materialize of every asset)")
    run.add_argument("--input", type=path_arg, help="inbox directory (default: settings, seeds/)")
    run.add_argument("--warehouse", type=path_arg, help="DuckDB file (default: settings, warehouse/news.duckdb)")
    run.add_argument("--full", action="store_true", help="reprocess every input, not only new or changed ones")
    run.add_argument("--no-progress", action="store_true", help="no progress bar (it is off anyway under CI=true or when piped)")
    run.add_argument("--log-level", default="WARNING", type=str.upper, choices=DAGSTER_LOG_LEVELS,
                     help="Dagster console log level (default WARNING)")
    run.add_argument("--lock-wait", type=seconds_arg, default=60.0,
                     help="seconds to wait for a warehouse another process is writing (default 60)")
    run.set_defaults(func=cmd_run)

    clean = sub.add_parser("clean", help="write each input's cleaned body as OUT_DIR/<name>.txt")
    clean.add_argument("in_dir", type=path_arg)
    clean.add_argument("out_dir", type=path_arg)
    clean.set_defaults(func=cmd_clean)

    figures = sub.add_parser("figures", help="extract figures from each line of FILE (or - for stdin) as JSON lines")
    figures.add_argument("file")
    figures.set_defaults(func=cmd_figures)

    sql_cmd = sub.add_parser("sql", help="run a SQL file (or a query string) against the warehouse, read-only")
    sql_cmd.add_argument("file", metavar="FILE_OR_QUERY", help="a .sql file (its last statement's rows are printed) or a query")
    sql_cmd.add_argument("--warehouse", type=path_arg, help="DuckDB file (default: settings)")
    sql_cmd.set_defaults(func=cmd_sql)

    search = sub.add_parser("search", help="full-text search over paragraphs, best match first")
    search.add_argument("query", help='words to look for, e.g. "drone strike"')
    search.add_argument("--limit", type=positive_int, default=10, help="how many paragraphs (default 10)")
    search.add_argument("--json", action="store_true", help="one JSON object per line instead of text")
    search.add_argument("--warehouse", type=path_arg, help="DuckDB file (default: settings)")
    search.set_defaults(func=cmd_search)

    report = sub.add_parser("report", help="(re)write the HTML run report (every run writes it beside the warehouse)")
    report.add_argument("--warehouse", type=path_arg, help="DuckDB file (default: settings)")
    report.add_argument("--out", type=path_arg, help="report file (default: report.html beside the warehouse; NAME.report.html beside NAME.duckdb)")
    report.set_defaults(func=cmd_report)

    bench = sub.add_parser("bench", help="time the pipeline on the shared news corpus against the bare spaCy floor")
    bench.add_argument("--limit", type=positive_int, default=5000, help="articles from the corpus (default 5000)")
    bench.add_argument("--json", help="result file (default bench/results/latest.json; a .md table beside it)")
    bench.add_argument("--scale", action="store_true", help="also peak RSS at 1,000 and 20,000 articles (slow)")
    bench.add_argument("--no-extras", action="store_true", help="skip cleaning pages/s and the linking bench")
    bench.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (CommandError, SettingsError) as exc:
        print(f"newswh {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`newswh figures big.txt | head -1`): stop quietly, as Unix tools
        # do; stdout goes to /dev/null so the exit's final flush cannot fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print(f"newswh {args.command}: interrupted{interrupted_state(args)}", file=sys.stderr)
        return 130


def entry_point() -> None:
    """The `newswh` command: `main`, then an exit that skips tearing the interpreter down.

    After a run the process holds Dagster, spaCy, polars and their module graphs; Python's
    teardown (deallocating every module and object) took ~2 s of a 15 s seeds run (~1 s of it
    GX's, which now lives in the run's GX worker instead). The work is done and written by then:
    the atexit handlers a normal exit runs (logging flush, temp-dir removal, multiprocessing
    clean-up) still run here, then the streams are flushed and the process ends. Code that
    calls `main` in-process is unaffected.
    """
    code = main()
    exit_without_teardown(code)


def exit_without_teardown(code: int) -> None:
    import atexit
    import os

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry_point()
