#!/usr/bin/env bash
# Runs a storytrack-spark job class the way `spark-submit --master local[N]` would, for machines
# without a Spark distribution: the job jar plus Spark's jars from the Maven build, and the
# --add-opens flags Spark's launcher passes on Java 17.
# Usage: bench/spark-local.sh CLASS [job arguments...]   (e.g. DedupJob --master 'local[2]' IN)
#        bench/spark-local.sh --build   (only (re)builds the job jar and target/spark-classpath.txt)
# Env: SPARK_DRIVER_MEMORY (default 4g); SPARK_JAVA_OPTS, extra -D settings (e.g. the event log:
#   -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir=file://$PWD/target/bench/events).
set -euo pipefail
cd "$(dirname "$0")/.."
cls="$1"; shift
# One reactor run (-am): without it Maven looks for storytrack-core in ~/.m2, where a fresh machine
# has none (or another branch's build); the classpath file is written last by storytrack-spark.
# Rebuilt when a source or pom is newer than the job jar (a stale jar once ran the old core code).
jar=storytrack-spark/target/storytrack-spark-jobs.jar
stale=""
[ -s "$jar" ] && stale="$(find pom.xml storytrack-core storytrack-spark \( -path '*/target' -prune \) -o \
  \( -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit \))"
if [ ! -s "$jar" ] || [ -n "$stale" ] || [ ! -s target/spark-classpath.txt ]; then
  ./mvnw -q -B -DskipTests -pl storytrack-spark -am package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/spark-classpath.txt" -Dmdep.includeScope=provided
fi
[ "$cls" = --build ] && exit 0
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java -Xmx"${SPARK_DRIVER_MEMORY:-4g}" $opens -Dspark.ui.enabled=false ${SPARK_JAVA_OPTS:-} \
  -Dlog4j2.level=warn -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -cp "storytrack-spark/target/storytrack-spark-jobs.jar:$(cat target/spark-classpath.txt)" \
  "dev.storytrack.spark.$cls" "$@"
