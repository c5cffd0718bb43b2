#!/usr/bin/env bash
# `make conformance`: suites nobody here wrote, against a live server with the Kirklees data.
#  1. graphql-http's server audits: every MUST audit passes.
#  2. Schemathesis' GraphQL fuzzing, from introspection: at least 1000 generated queries and
#     no server errors (requests the server refuses with a BAD_USER_INPUT code are answers).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
OUT=conformance/out
mkdir -p "$OUT"
PORT=$("$BIN/python" -c "from graph.server import free_port; print(free_port())")
URL="http://127.0.0.1:$PORT/graphql"

"$BIN/govgraph" serve --port "$PORT" --load data/kirklees >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if curl -sf --max-time 5 "http://127.0.0.1:$PORT/readyz" >/dev/null; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$OUT/server.log" >&2; exit 1; fi
  sleep 1
done
curl -sf --max-time 5 "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "server never became ready" >&2; exit 1; }

echo "== graphql-http audits against $URL"
node conformance/audit.mjs "$URL"

echo "== Schemathesis GraphQL fuzzing against $URL"
status=0
"$BIN/st" run "$URL" --phases fuzzing --checks not_a_server_error --max-examples 100 \
  --seed 20261122 --workers 2 --report json --report-json-path "$OUT/schemathesis.json" \
  || status=$?
"$BIN/python" - "$OUT/schemathesis.json" "$status" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
generated = report["test_cases"]["generated"]
failures = report["test_cases"]["with_failures"]
errored = report["test_cases"]["errored"] + report["operations"]["errored"]
print(f"schemathesis: {generated} generated queries, {failures} with failures, {errored} errored")
if generated < 1000 or failures or errored or int(sys.argv[2]):
    sys.exit(1)
PY
