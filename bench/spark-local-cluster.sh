#!/usr/bin/env bash
# Runs a storytrack-spark job on Spark's `local-cluster[N,CORES,MB]` master without a Spark
# distribution: a standalone Master and N Workers in the driver JVM, each Worker forking one
# executor JVM, as `spark-submit --master 'local-cluster[N,1,2048]'` would.
# Usage: bench/spark-local-cluster.sh CLASS --master 'local-cluster[N,C,MB]' [job arguments...]
# Env: SPARK_DRIVER_MEMORY (default 4g), SPARK_EXECUTOR_MEMORY (default: the worker's MB),
#   SPARK_JAVA_OPTS (driver -D settings), as for bench/spark-local.sh.
#
# Why a SPARK_HOME: a Worker starts its executor with Spark's WorkerCommandBuilder, whose class
# path (launcher AbstractCommandBuilder.buildClassPath) is spark.executor.extraClassPath, then
# SPARK_HOME/conf, then SPARK_HOME/jars/* (CommandBuilderUtils.findJarsDir fails with "Library
# directory ... does not exist" without it), and which needs SPARK_SCALA_VERSION when SPARK_HOME
# has no launcher/target/scala-2.13 (a distribution's scripts set it). So target/spark-home/jars
# links the Spark jars Maven resolved (target/spark-classpath.txt), and the job jar reaches the
# executors through spark.executor.extraClassPath (spark-submit would ship it as spark.jars).
# No spark.testing / SPARK_TESTING: those change Spark's behaviour beyond the class path.
# The executors' --add-opens come from SparkContext itself (it adds JavaModuleOptions to
# spark.executor.extraJavaOptions); SPARK_LOCAL_IP is inherited, so they bind to loopback.
#
# Prints, after the job, the CPU seconds (user + sys from /proc, sampled every 0.5 s until each
# process ends) of the driver and of each executor JVM, and the load average before and after
# (/usr/bin/time on this script also counts the executors, which their Workers reap, but as one sum).
set -euo pipefail
cd "$(dirname "$0")/.."
cls="$1"; shift
bench/spark-local.sh --build
home="$PWD/target/spark-home"
rm -rf "$home/jars"
mkdir -p "$home/jars" "$home/conf"
tr ':' '\n' < target/spark-classpath.txt | while read -r j; do
  if [ -n "$j" ]; then ln -s "$j" "$home/jars/$(basename "$j")"; fi
done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13
master=""; prev=""
for a in "$@"; do [ "$prev" = --master ] && master="$a"; prev="$a"; done
mb="$(sed -n 's/^local-cluster\[[0-9]*, *[0-9]*, *\([0-9]*\)\]$/\1/p' <<< "$master")"
[ -n "$mb" ] || { echo "spark-local-cluster.sh: needs --master 'local-cluster[N,CORES,MB]'" >&2; exit 2; }
export SPARK_JAVA_OPTS="${SPARK_JAVA_OPTS:-} \
-Dspark.executor.extraClassPath=$PWD/storytrack-spark/target/storytrack-spark-jobs.jar \
-Dspark.executor.memory=${SPARK_EXECUTOR_MEMORY:-${mb}m}"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench/spark-local.sh "$cls" "$@" &
driver=$!
declare -A cpu  # pid -> last utime+stime (clock ticks)
tick=$(getconf CLK_TCK)
sample() {
  local p f
  for p in "$driver" $(pgrep -f "$home/jars/.*CoarseGrainedExecutorBackend" || true); do
    f="$(cat "/proc/$p/stat" 2>/dev/null)" || continue
    f="${f##*) }"  # fields after the command name: state is field 3, utime 14, stime 15
    read -r -a s <<< "$f"
    cpu[$p]=$(( s[11] + s[12] ))
  done
}
# (a finished driver stays a zombie until `wait`, so kill -0 would not see it end)
while [ "$(cut -d' ' -f3 "/proc/$driver/stat" 2>/dev/null || echo Z)" != Z ]; do sample; sleep 0.5; done
rc=0; wait "$driver" || rc=$?
total=0; execs=0; line=""
for p in "${!cpu[@]}"; do
  [ "$p" = "$driver" ] && continue
  execs=$((execs + 1)); total=$((total + cpu[$p])); line="$line $(awk -v c="${cpu[$p]}" -v t="$tick" 'BEGIN { printf "%.1f", c / t }')"
done
d=${cpu[$driver]:-0}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
awk -v d="$d" -v e="$total" -v n="$execs" -v t="$tick" -v each="$line" 'BEGIN {
  printf "cpu: driver %.1f s, %d executors %.1f s (each:%s s), total %.1f s\n", d / t, n, e / t, each, (d + e) / t }' >&2
exit "$rc"
