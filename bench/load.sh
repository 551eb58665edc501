#!/usr/bin/env bash
# Load benchmark of the HTTP API: starts `storytrack serve` on a fresh store, posts ARTICLES
# synthetic articles in batches of BATCH while READERS clients read, then prints ingest
# articles/s and read latency p50/p99.
# Usage: bench/load.sh [ARTICLES=100000] [BATCH=500] [READERS=4]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"; batch="${2:-500}"; readers="${3:-4}"; port="${PORT:-18181}"
# One reactor run (-am), so storytrack-core comes from this checkout, not from ~/.m2.
./mvnw -q -B -pl storytrack-cli -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
store="$(mktemp -d)"
java ${STORYTRACK_JAVA_OPTS:-} -jar storytrack-cli/target/storytrack.jar serve --store "$store/data" --port "$port" >"$store/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$store"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
java -cp "storytrack-cli/target/test-classes:$(cat storytrack-cli/target/test-classpath.txt)" \
  dev.storytrack.cli.bench.LoadBenchmark "http://127.0.0.1:$port" "$n" "$batch" "$readers"
