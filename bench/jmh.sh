#!/usr/bin/env bash
# Runs the JMH benchmarks that live beside storytrack-core's tests.
# Usage: bench/jmh.sh [JMH options and benchmark regexp], e.g. bench/jmh.sh CompareBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl storytrack-core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="storytrack-core/target/test-classes:storytrack-core/target/classes:$(cat storytrack-core/target/test-classpath.txt)"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
