#!/usr/bin/env bash
# Intake benchmark (issue 7, defect 11): starts the packaged Yishi on a free port with a fresh H2
# file database in a temporary directory (as a new user's `mvn spring-boot:run` would), deploys a
# bare one-user-task process through /engine-rest as admin/admin, and prints POST /api/proposals
# beside starts of that bare process at 1 and 8 clients, plus p50/p99 at a paced 50 submissions/s.
# Then it stops the server and removes the directory. It builds nothing: package first with
#
#   mvn -B -ntp -q package -DskipTests
#   scripts/benchmark-intake.sh [seconds per run, default 15]
#
# Extra server arguments: BENCH_SERVER_ARGS="--some.property=value" scripts/benchmark-intake.sh
# How long to wait for the server to start: BENCH_START_SECONDS (default 600).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-15}"
jar="$(ls "$here"/target/yishi-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)"
if [[ -z "$jar" ]]; then
  echo "no target/yishi-*.jar: run 'mvn -B -ntp -q package -DskipTests' first" >&2
  exit 2
fi

work="$(mktemp -d -t yishi-bench-XXXXXX)"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
server=""
stop() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

echo "starting $(basename "$jar") on port $port (H2 file database in $work/data, log in $work/server.log)"
# run from the temporary directory: ./data/yishi (H2) and ./data/keys land there
# shellcheck disable=SC2086
(cd "$work" && exec java -jar "$jar" --server.port="$port" --server.address=127.0.0.1 ${BENCH_SERVER_ARGS:-} \
  > "$work/server.log" 2>&1) &
server=$!

start_seconds="${BENCH_START_SECONDS:-600}"
for _ in $(seq 1 "$start_seconds"); do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "the server stopped while starting:" >&2
    tail -n 40 "$work/server.log" >&2
    exit 1
  fi
  # up when the public API answers (404 for a number nobody has)
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$port/api/proposals/JN-1999-000001" || true)"
  [[ "$code" == "404" ]] && break
  sleep 1
done
if [[ "${code:-}" != "404" ]]; then
  echo "the server did not come up within $start_seconds s" >&2
  tail -n 40 "$work/server.log" >&2
  exit 1
fi

node "$here/scripts/benchmark-intake.mjs" "$port" "$seconds"
