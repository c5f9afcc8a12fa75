# sukien — two set-up commands (see README):
#   make demo   create .venv, install, ingest the bundled example corpus, print the timeline
#   make test   install the dev extras (and Debian's chromium for the browser test), run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo.db
export HOME_UNDERTHESEA = $(CURDIR)/.underthesea

.PHONY: demo test install dev browser bench clean

# Debian's python3 has no venv module until python3-venv is installed: install it when root.
$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) >/dev/null 2>&1 || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "python3 -m venv failed: installing python3-venv with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	    $(PYTHON) -m venv $(VENV); \
	  else echo "error: '$(PYTHON) -m venv' failed; install python3-venv (apt-get install python3-venv)" >&2; exit 1; fi; }
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install -q -e .

dev: $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'

# Debian's chromium + chromedriver for the real-browser test (skipped when not root and not present)
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
	  echo "chromium: $$(chromium --version 2>/dev/null)"; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	    || echo "warning: could not install chromium; the browser test will be skipped"; \
	else echo "note: chromium/chromedriver not installed and not root: the browser test will be skipped"; fi

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/sukien ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/sukien timeline --db $(DEMO_DB)

test: dev browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_language.py
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache $(DEMO_DB)*
