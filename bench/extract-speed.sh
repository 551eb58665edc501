#!/usr/bin/env bash
# Extraction speed on Scrapinghub's 181 pages: pages per second of the extracting thread's CPU
# time (reader and extractor, one thread), after warm-up passes, for two CLI jars run in turn so
# that both see the same machine.
# Usage: bench/extract-speed.sh BEFORE.jar AFTER.jar [ROUNDS] [WARMUP] [DATA_DIR]
set -euo pipefail
before="$1"; after="$2"; rounds="${3:-3}"; warmup="${4:-3}"
data="${5:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data/scrapinghub-aeb}"
for r in $(seq 1 "$rounds"); do
  for jar in "$before" "$after"; do
    line=$(java -XX:+UseParallelGC -jar "$jar" eval extraction --dataset scrapinghub --path "$data" \
      --warmup "$warmup" | grep '^pages/s')
    echo "round $r $(basename "$jar"): $line"
  done
done
