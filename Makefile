# Two entry points, as in the README: `make run` and `make check`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run check install install-test lint test bench clean translations

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

## Refresh the French catalogue from the strings in annotator/ui (keeps the translations made)
## and compile it; then translate what resources/i18n/annotator_fr.ts marks "unfinished".
translations: install
	$(BIN)/pyside6-lupdate -no-obsolete -locations relative -source-language en \
		-target-language fr annotator/ui/*.py -ts resources/i18n/annotator_fr.ts
	$(BIN)/pyside6-lrelease resources/i18n/annotator_fr.ts -qm resources/i18n/annotator_fr.qm

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
