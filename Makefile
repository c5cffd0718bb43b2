# The front door: `make run` serves the explorer with the Kirklees data; `make test` passes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DATA ?= data/kirklees
SERVE_FLAGS ?=

EXPLORER := explorer/node_modules/.package-lock.json
CONFORMANCE := conformance/node_modules/.package-lock.json
PEER := bench/peer/node_modules/.package-lock.json

# `npm ci` now and then finishes its work and never exits, or stalls on a registry socket, and
# would hold a build until it is killed. Each try has a time limit; a try that runs out is
# started again from a clean tree (npm ci removes node_modules first), at most three times.
NPM_CI = echo "npm ci in $(1)"; for try in 1 2 3; do \
	  timeout 300 npm ci --prefix $(1) --no-audit --no-fund --loglevel=error && exit 0; \
	  echo "npm ci in $(1): try $$try did not finish" >&2; done; exit 1

.PHONY: setup neo4j system run test test-routing conformance bench lint format clean kirklees-ingested

setup: $(VENV)/.installed $(EXPLORER)

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	@touch $@

# GraphiQL and React from npm, served by the app itself (no CDN on closed networks).
$(EXPLORER): explorer/package.json explorer/package-lock.json
	@$(call NPM_CI,explorer)
	@touch $@

$(CONFORMANCE): conformance/package.json conformance/package-lock.json
	@$(call NPM_CI,conformance)
	@touch $@

$(PEER): bench/peer/package.json bench/peer/package-lock.json
	@$(call NPM_CI,bench/peer)
	@touch $@

# Debian packages: Graphviz lays out the report's oversight map; Chromium is for the tests
# that open the explorer and the report in a browser. Installed when missing and we may.
SYSTEM_PACKAGES := graphviz:dot chromium:chromium

system:
	@missing=""; for entry in $(SYSTEM_PACKAGES); do \
	  command -v "$${entry#*:}" >/dev/null || missing="$$missing $${entry%%:*}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "please install:$$missing (sudo apt-get install$$missing)" >&2; exit 1; fi; fi

neo4j: setup
	$(BIN)/python -c "from graph.server import provision; print(provision())"

run: neo4j
	$(BIN)/govgraph serve --host $(HOST) --port $(PORT) --load $(DATA) $(SERVE_FLAGS)

test: neo4j system
	$(BIN)/pytest

# Kirklees through the same door: its five documents ingested with the reviewer's decisions
# (data/kirklees-ingest/decisions.yaml) into out/kirklees. It is the dataset `kirklees` too:
# `govgraph load --max-delete 1 out/kirklees` puts it in the hand-written one's place, and
# `govgraph load --max-delete 1 data/kirklees` puts that back.
kirklees-ingested: setup
	rm -rf out/kirklees && mkdir -p out/kirklees
	cp data/kirklees-ingest/decisions.yaml out/kirklees/
	$(BIN)/govgraph ingest data/kirklees/documents/*.txt --into out/kirklees --area Kirklees

# The API's questions again, through a `neo4j://` routing URI, as a cluster is reached.
test-routing: neo4j system
	GOVGRAPH_TEST_ROUTING=1 $(BIN)/pytest -q tests/test_api.py tests/test_api_lookup.py \
	  tests/test_compiled_answers.py

# Not part of `make test`: govgraph against Neo4j itself and against @neo4j/graphql at 10k,
# 100k and 1M nodes (BENCH_PARTNERSHIPS=10,100,1000); results in bench/results.json.
bench: neo4j $(PEER)
	$(BIN)/python bench/run.py

# External suites against a live server: graphql-http's audits and Schemathesis' fuzzing.
conformance: neo4j $(CONFORMANCE)
	conformance/run.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache *.egg-info explorer/node_modules conformance/node_modules conformance/out \
	  bench/peer/node_modules
