#!/usr/bin/env bash
# Builds storytrack-bench (the JMH benchmarks and measuring programs, with storytrack-eval and the
# core they run) and prints its class path, absolute, on stdout; Maven's output goes to stderr.
# Usage: CP="$(bench/classpath.sh)"; java -cp "$CP" dev.storytrack.dedup.bench.DedupStages FILE.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run (-am), so the core and eval come from this checkout, not from ~/.m2.
./mvnw -q -B -pl storytrack-bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
echo "$PWD/storytrack-bench/target/classes:$(cat storytrack-bench/target/classpath.txt)"
