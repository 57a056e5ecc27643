# Two entry points, as in the README: `make run` and `make check`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run check install install-test lint test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Install everything (app, spaCy pipelines) and start the app on the demo project.
run: install
	$(BIN)/annotator

lint: install-test
	$(BIN)/ruff check annotator tests bench
	$(BIN)/ruff format --check annotator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

## Install the test tools and run the whole check suite.
check: lint test

bench: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
