# news-warehouse. `make run` and `make test` set everything up on a fresh machine (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup run test ui sql bench docs clean-warehouse

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable '.[test]'
	touch $(STAMP)

setup: $(STAMP)
	mkdir -p $(DAGSTER_HOME)

run: setup ## the whole pipeline on seeds/ into warehouse/news.duckdb
	$(BIN)/newswh run

test: setup ## the full test suite
	$(BIN)/python -m pytest

ui: setup ## the Dagster UI on the project's definitions
	$(BIN)/dagster dev

sql: setup ## the DuckDB CLI on the warehouse, read-only
	$(BIN)/duckdb -readonly warehouse/news.duckdb

bench: setup ## newswh bench: the pipeline on 5,000 corpus articles vs the bare spaCy floor (bench/results/)
	$(BIN)/newswh bench $(BENCH_ARGS)

docs: setup ## Great Expectations Data Docs of every suite and the last run into warehouse/data_docs/ (open index.html)
	$(BIN)/python -m pipelines.checks.docs --out warehouse/data_docs

clean-warehouse:
	rm -rf warehouse/news.duckdb warehouse/news.duckdb.wal warehouse/news.duckdb.next warehouse/news.duckdb.lock warehouse/stages/news.duckdb
