# make site: build the site from sources/ into site/ (creates .venv first).
# make test: build, then run every test (unit, golden, integration, browser).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test corpus serve bench clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

corpus: $(VENV)/.installed
	$(BIN)/python build_corpus.py build

site: corpus
	$(BIN)/mkdocs build --strict

test: site
	$(BIN)/python -m pytest -q tests

serve: corpus
	$(BIN)/mkdocs serve --dirtyreload

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(VENV)
