#!/usr/bin/env bash
# Whole-run benchmark of `storytrack dedup`: generates a planted corpus from the real texts in
# ../shared/data (default 1,000,000 documents, JSONL, about 3 GB) unless it exists, then runs the
# CLI on it through ./storytrack (the launcher a user runs: same JVM options) under /usr/bin/time -v
# and prints docs/s and peak RSS.
# Usage: bench/dedup.sh [DOCS] [CORPUS.jsonl] [extra dedup options, e.g. --no-clean]
# Env: STORYTRACK_JAVA_OPTS (JVM options for the CLI, as for ./storytrack), TASKSET (e.g. "taskset -c 0,1").
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-1000000}"
corpus="${2:-target/bench/planted-$docs.jsonl}"
shift $(( $# > 2 ? 2 : $# )) || true
mkdir -p "$(dirname "$corpus")" target/bench

./mvnw -q -B -DskipTests -pl storytrack-cli -am package
cp="$(bench/classpath.sh)" # PlantedCorpus (storytrack-eval) and the probes (storytrack-bench)

if [ ! -s "$corpus" ]; then
  echo "generating $docs documents into $corpus ..." >&2
  java -cp "$cp" dev.storytrack.eval.dedup.PlantedCorpus --docs "$docs" --out "$corpus" \
    --truth "${corpus%.jsonl}.truth.tsv" --seed 42
fi
ls -l "$corpus" >&2

log=target/bench/dedup-time.txt
${TASKSET:-} /usr/bin/time -v ./storytrack \
  dedup "$corpus" --groups target/bench/groups.jsonl "$@" 2> "$log" | tee target/bench/dedup-summary.txt
grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time|Percent of CPU" "$log"
rss_kb=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
echo "peak RSS: $((rss_kb / 1024)) MB"
grep -E "documents|docs/s" target/bench/dedup-summary.txt
