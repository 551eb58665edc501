#!/usr/bin/env bash
# `storytrack dedup` against its speed ceiling, on a planted corpus (JSON Lines). Runs, ROUNDS times
# and alternately, (1) the CLI through ./storytrack (the launcher a user runs), timed as a whole
# process, JVM start and writing the groups included, and (2) CeilingProbe (storytrack-bench):
# a bare program that only reads the file with Jackson, shingles each text with the same Shingles
# and computes the same 128-value hash4j SuperMinHash on every core, timed after a warm-up. Prints
# docs/s and peak RSS of each run, the ratio dedup/probe per round and over the medians, and the
# groups' fingerprint with their precision/recall against the planted truth (bench/dedup-groups-check.py).
# Usage: bench/dedup-ratio.sh [DOCS] [CORPUS.jsonl] [ROUNDS] [extra dedup options, e.g. --no-clean]
# Env: STORYTRACK_JAVA_OPTS (JVM options for both, as for ./storytrack), TASKSET (e.g. "taskset -c 0,1"),
#   PROBE_WARMUP (documents of warm-up for the probe, default 20000), OUT (default target/bench),
#   BASELINE_JAR (another build's storytrack.jar, e.g. of the commit before a change: run in each
#   round too, with the launcher's JVM options, and its groups compared with this build's).
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-300000}"
corpus="${2:-target/bench/planted-$docs.jsonl}"
rounds="${3:-3}"
shift $(( $# > 3 ? 3 : $# )) || true
out="${OUT:-target/bench}"
mkdir -p "$(dirname "$corpus")" "$out"

./mvnw -q -B -DskipTests -pl storytrack-cli -am package
cp="$(bench/classpath.sh)" # PlantedCorpus (storytrack-eval) and the probes (storytrack-bench)

truth="${corpus%.jsonl}.truth.tsv"
if [ ! -s "$corpus" ]; then
  echo "generating $docs documents into $corpus ..." >&2
  java -cp "$cp" dev.storytrack.eval.dedup.PlantedCorpus --docs "$docs" --out "$corpus" \
    --truth "$truth" --seed 42
fi
ls -l "$corpus" >&2
n=$(wc -l < "$corpus")

# The probe gets the launcher's collector too, so both sides run the same JVM options.
jopts="${STORYTRACK_JAVA_OPTS:-}"
case " $jopts " in *" -XX:+Use"*"GC "*) ;; *) jopts="-XX:+UseParallelGC $jopts" ;; esac

d_rates=(); p_rates=(); b_rates=()
for r in $(seq 1 "$rounds"); do
  if [ -n "${BASELINE_JAR:-}" ]; then
    ${TASKSET:-} /usr/bin/time -f "%e %M %U %S" -o "$out/base-time.txt" java $jopts -jar "$BASELINE_JAR" \
      dedup "$corpus" --groups "$out/groups-baseline.jsonl" "$@" > "$out/base-summary.txt" 2> "$out/base-err.txt"
    read -r bwall brss buser bsys < "$out/base-time.txt"
    b=$(awk -v n="$n" -v w="$bwall" 'BEGIN { printf "%.0f", n / w }')
    echo "round $r baseline dedup: $b docs/s ($bwall s wall, JVM start included; CPU $buser + $bsys s" \
      "= $(awk -v u="$buser" -v s="$bsys" -v n="$n" 'BEGIN { printf "%.0f", (u + s) * 1e6 / n }') us/doc;" \
      "peak RSS $((brss / 1024)) MB)"
    b_rates+=("$b")
  fi
  ${TASKSET:-} /usr/bin/time -f "%e %M %U %S" -o "$out/dedup-time.txt" ./storytrack \
    dedup "$corpus" --groups "$out/groups.jsonl" "$@" > "$out/dedup-summary.txt" 2> "$out/dedup-err.txt"
  read -r wall rss user sys < "$out/dedup-time.txt"
  d=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  inner=$(grep -E "^time" "$out/dedup-summary.txt" | sed 's/^time *//')
  echo "round $r dedup: $d docs/s ($n docs in $wall s wall, JVM start included; in the job: $inner;" \
    "CPU $user + $sys s = $(awk -v u="$user" -v s="$sys" -v n="$n" 'BEGIN { printf "%.0f", (u + s) * 1e6 / n }') us/doc;" \
    "peak RSS $((rss / 1024)) MB)"
  ${TASKSET:-} /usr/bin/time -f "%e %M %U %S" -o "$out/probe-time.txt" java $jopts -cp "$cp" \
    dev.storytrack.dedup.bench.CeilingProbe --input "$corpus" --warmup "${PROBE_WARMUP:-20000}" \
    > "$out/probe.txt"
  read -r pwall prss puser psys < "$out/probe-time.txt"
  p=$(sed -E 's/.*s, ([0-9]+) docs\/s.*/\1/' "$out/probe.txt")
  echo "round $r probe: $p docs/s after warm-up ($(cat "$out/probe.txt" | sed 's/^probe: //');" \
    "whole process $pwall s, CPU $puser + $psys s = $(awk -v u="$puser" -v s="$psys" -v n="$n" \
      -v w="${PROBE_WARMUP:-20000}" 'BEGIN { printf "%.0f", (u + s) * 1e6 / (n + w) }') us/doc with the warm-up;" \
    "peak RSS $((prss / 1024)) MB)"
  echo "round $r ratio: $(awk -v a="$d" -v b="$p" 'BEGIN { printf "%.3f", a / b }')$( [ -n "${b:-}" ] && \
    awk -v a="$b" -v b="$p" 'BEGIN { printf " (baseline %.3f)", a / b }')"
  d_rates+=("$d"); p_rates+=("$p")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "-" hi }'; }
dm=$(median "${d_rates[@]}"); pm=$(median "${p_rates[@]}")
echo "dedup $(range "${d_rates[@]}") docs/s (median $dm), probe $(range "${p_rates[@]}") docs/s (median $pm)," \
  "ratio of medians $(awk -v a="$dm" -v b="$pm" 'BEGIN { printf "%.3f", a / b }')"
if [ -n "${BASELINE_JAR:-}" ]; then
  bm=$(median "${b_rates[@]}")
  echo "baseline $(range "${b_rates[@]}") docs/s (median $bm), ratio of medians $(awk -v a="$bm" -v b="$pm" 'BEGIN { printf "%.3f", a / b }')"
  cmp -s "$out/groups.jsonl" "$out/groups-baseline.jsonl" && echo "groups: identical to the baseline's" \
    || echo "groups: DIFFER from the baseline's"
fi
grep -E "documents|groups|index memory|peak memory" "$out/dedup-summary.txt"
python3 bench/dedup-groups-check.py "$out/groups.jsonl" $( [ -s "$truth" ] && echo "$truth" )
