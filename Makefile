# Two commands do everything on a fresh machine:
#   make demo   set up, then code the bundled example articles and build a store
#   make test   set up, then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test browser clean

setup: $(STAMP) browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The dashboard tests drive Debian's Chromium; never a browser download.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium (sudo apt-get install chromium) for the dashboard tests"; fi; }

demo: setup
	@mkdir -p out
	$(BIN)/flashpoint extract examples/ --format jsonl > out/events.jsonl
	@echo "coded $$(wc -l < out/events.jsonl) events from examples/ into out/events.jsonl"
	$(BIN)/flashpoint extract examples/ --format table --no-include-flagged
	$(BIN)/flashpoint ingest examples/ --db out/demo.duckdb
	$(BIN)/flashpoint graph --db out/demo.duckdb -o out/actor-graph.svg
	@echo "actor graph: out/actor-graph.svg; browse the store with: $(BIN)/flashpoint serve --db out/demo.duckdb"

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out artifacts .pytest_cache
