# tonecheck — set up and run. Every target installs what it needs first, so each works on a fresh clone.
#   make demo    set up, then check the sample drafts (the main job)
#   make test    set up, then run every test (lint, types, Python tests)
#   make bench   set up, then run the benchmarks in bench/

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ORACLE := tests/oracle/node_modules/.installed

.PHONY: demo test lint pytest bench rules clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== tonecheck check samples/drafts/flawed-*.txt --platform x"
	-$(VENV)/bin/tonecheck check samples/drafts/flawed-*.txt --platform x
	@echo
	@echo "== tonecheck check samples/drafts/clean-*.txt --platform x"
	$(VENV)/bin/tonecheck check samples/drafts/clean-*.txt --platform x
	@echo
	@echo "== tonecheck check samples/scheduled-posts.csv (a batch of scheduled posts)"
	-$(VENV)/bin/tonecheck check samples/scheduled-posts.csv
	@echo
	@echo "== tonecheck check samples/drafts/long-spring-fair.txt --platform x (counted the way X counts)"
	-$(VENV)/bin/tonecheck check samples/drafts/long-spring-fair.txt --platform x
	@echo
	@echo "== tonecheck check a post with a flashing GIF attached (decoded and analysed for WCAG 2.3.1)"
	-$(VENV)/bin/tonecheck check --text "Friday mood!" --media samples/media/strobe-4-per-second.gif --alt "Black and white strobe" --platform mastodon
	@echo
	@echo "== tonecheck split samples/drafts/long-spring-fair.txt --platform x --numbering"
	$(VENV)/bin/tonecheck split samples/drafts/long-spring-fair.txt --platform x --numbering

lint: $(STAMP)
	$(VENV)/bin/ruff check tonecheck tests bench
	$(VENV)/bin/mypy

# twitter-text's JavaScript, for the test that compares our entity extraction with it.
$(ORACLE): tests/oracle/package.json tests/oracle/package-lock.json
	npm ci --prefix tests/oracle --no-audit --no-fund --loglevel=error
	touch $(ORACLE)

pytest: $(STAMP) $(ORACLE)
	$(PY) -m pytest -q -p no:cacheprovider; status=$$?; [ $$status -eq 5 ] && exit 0; exit $$status

test: lint pytest

bench: $(STAMP)
	$(PY) bench/bench_core.py
	$(PY) bench/bench_media.py

rules: $(STAMP)
	$(VENV)/bin/tonecheck rules --markdown > RULES.md

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
