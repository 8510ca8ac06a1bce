# tonecheck — set up and run. Every target installs what it needs first, so each works on a fresh clone.
#   make demo    set up, then check the sample drafts (the main job)
#   make test    set up, then run every test (lint, types, Python tests, extension unit and browser tests)
#   make bench   set up, then run the benchmarks in bench/

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ORACLE := tests/oracle/node_modules/.installed

.PHONY: demo test lint pytest bench rules clean chromium jstest e2e bench-extension languagetool-start languagetool-stop

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
	@echo
	@echo "== tonecheck voice test samples/profiles/*.toml (each team's good and bad examples, run as tests)"
	$(VENV)/bin/tonecheck voice test samples/profiles/*.toml
	@echo
	@echo "== tonecheck check samples/drafts/flawed-council-voice.txt --profile samples/profiles/council.toml"
	-$(VENV)/bin/tonecheck check samples/drafts/flawed-council-voice.txt --profile samples/profiles/council.toml
	@echo
	@echo "== tonecheck voice explain (tone traits and the words behind them)"
	$(VENV)/bin/tonecheck voice explain "Residents are advised that collections may possibly be delayed!!!" --profile samples/profiles/council.toml

lint: $(STAMP)
	$(VENV)/bin/ruff check tonecheck server tests bench
	$(VENV)/bin/mypy

# twitter-text's JavaScript, for the test that compares our entity extraction with it.
$(ORACLE): tests/oracle/package.json tests/oracle/package-lock.json
	npm ci --prefix tests/oracle --no-audit --no-fund --loglevel=error
	touch $(ORACLE)

# Everything the Python tests drive is installed first: the venv (with Playwright for Python), twitter-text's
# JavaScript (tests/oracle) and Chromium (the playground tests in tests/server/test_playground.py).
# The real LanguageTool server (tests/grammar_real) is started too; see languagetool-start below.
pytest: $(STAMP) $(ORACLE) chromium languagetool-start
	$(PY) -m pytest -q -p no:cacheprovider; status=$$?; [ $$status -eq 5 ] && exit 0; exit $$status

# `make test` runs every test or fails: with TONECHECK_NO_SKIP=1 a skipped test fails the run (pytest through
# tests/conftest.py, node:test through extension/e2e/lib/no-skip-reporter.mjs). The variable reaches every
# prerequisite below. Run a target on its own (`make pytest`) to see skips listed with their reasons instead.
test: export TONECHECK_NO_SKIP := 1
test: lint pytest jstest e2e

# --- LanguageTool: a real server for grammar checks and the tests in tests/grammar_real ---
# Assembled once from Maven Central (tools/languagetool/pom.xml, no jar committed) into .cache/languagetool,
# started on 127.0.0.1 in the background; needs Java 17+ and Maven. Both targets are idempotent: a server
# that already answers is reused, so one left running after `make test` is picked up by the next run.
LT_PORT ?= 8081
LT_URL  := http://127.0.0.1:$(LT_PORT)
export TONECHECK_TEST_LANGUAGETOOL_URL := $(LT_URL)

languagetool-start:
	LT_PORT=$(LT_PORT) tools/languagetool/server.sh start

languagetool-stop:
	LT_PORT=$(LT_PORT) tools/languagetool/server.sh stop

# --- extension: JS unit tests (extension/test) and browser tests (extension/e2e, Playwright + Debian chromium) ---
EXT_NODE := extension/node_modules/.installed
E2E_NODE := extension/e2e/node_modules/.installed

# Debian's chromium (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

$(EXT_NODE): extension/package.json extension/package-lock.json
	npm ci --prefix extension --no-audit --no-fund --loglevel=error
	touch $(EXT_NODE)

$(E2E_NODE): extension/e2e/package.json extension/e2e/package-lock.json
	npm ci --prefix extension/e2e --no-audit --no-fund --loglevel=error
	touch $(E2E_NODE)

# The extension's unit tests, its lint, and the store zips (dist/tonecheck-chrome.zip, dist/tonecheck-firefox.zip).
jstest: $(EXT_NODE)
	npm test --prefix extension
	npm run --silent lint --prefix extension
	npm run --silent build --prefix extension

# Builds the fixture composers, then drives chromium with the unpacked extension against `tonecheck serve`.
e2e: $(STAMP) $(E2E_NODE) chromium
	npm test --prefix extension/e2e

# Extension latency: debounce end → hints visible, and typing cost in a 3,000-character LinkedIn post.
bench-extension: $(STAMP) $(E2E_NODE) chromium
	npm run --silent bench --prefix extension/e2e

# Every benchmark runs even when an earlier one misses its budget; the target fails at the end if any did.
bench: $(STAMP)
	@failed=""; \
	for b in core shapes media server hashtags; do \
	  $(PY) bench/bench_$$b.py || failed="$$failed $$b"; \
	done; \
	$(MAKE) --no-print-directory bench-extension || failed="$$failed extension"; \
	if [ -n "$$failed" ]; then echo "bench: budgets missed or errors in:$$failed"; exit 1; fi

rules: $(STAMP)
	$(VENV)/bin/tonecheck rules --markdown > RULES.md

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
