# make site: build the site from sources/ into site/ (creates .venv first).
# make test: build, then run every test (unit, golden, integration, browser).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv site test corpus serve bench clean

venv: $(VENV)/.installed

# Reinstalled only when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

corpus: venv
	$(BIN)/python build_corpus.py build

site: corpus
	$(BIN)/mkdocs build --strict

test: site
	$(BIN)/python -m pytest -q tests

serve: corpus
	$(BIN)/mkdocs serve --dirtyreload

bench: venv
	$(BIN)/python bench/run.py

# Removes the site, the venv and every generated page (docs/.generated lists them).
clean:
	rm -rf site $(VENV)
	if [ -f docs/.generated ]; then cd docs && xargs -d '\n' rm -f < .generated && rm -f .generated; fi
	find docs -type d -empty -delete
