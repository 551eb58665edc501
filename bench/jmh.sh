#!/usr/bin/env bash
# Runs the JMH benchmarks of storytrack-bench (its own module, apart from the unit tests).
# Usage: bench/jmh.sh [JMH options and benchmark regexp], e.g. bench/jmh.sh CompareBenchmark; -l lists them
set -euo pipefail
cd "$(dirname "$0")/.."
cp="$(bench/classpath.sh)"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
