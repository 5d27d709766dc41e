#!/usr/bin/env bash
# Runs the example job over pictures/ and writes PGMs to out/ (or the given folders).
#   run.sh [IN [OUT]]          a local main: Spark in local[2] inside one JVM
#   run.sh --submit [IN [OUT]] the same job through SparkSubmit, as spark-submit runs it (master local[2])
# Spark itself comes from Maven Central, so no Spark installation is needed for either.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../../scripts/spark-env.sh"
SUBMIT=0
if [ "${1:-}" = --submit ]; then SUBMIT=1; shift; fi
IN="${1:-$HERE/pictures}" OUT="${2:-$HERE/out}"
BUILD="$HERE/target"
mkdir -p "$BUILD/classes"
"$JAVA_HOME/bin/javac" --release 25 -cp "$GATUN_SPARK_CP" -d "$BUILD/classes" "$HERE/src/GrayscaleImages.java"
"$JAVA_HOME/bin/jar" --create --file "$BUILD/grayscale-images.jar" -C "$BUILD/classes" .
mkdir -p "$OUT"
if [ "$SUBMIT" = 1 ]; then
  # What `spark-submit` does with a Spark distribution; the driver's flags go on the command line here,
  # the executors' through spark.executor.extraJavaOptions.
  exec "$JAVA_HOME/bin/java" $GATUN_SPARK_JAVA_OPTS -cp "$(cat "$HERE/../../spark/target/classpath.txt")" \
    org.apache.spark.deploy.SparkSubmit --master 'local[2]' --class GrayscaleImages \
    --conf spark.ui.enabled=false \
    --conf "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED" \
    --jars "$GATUN_SPARK_JARS" \
    "$BUILD/grayscale-images.jar" "$IN" "$OUT" "$HERE/grayscale_kernel.wasm"
fi
exec "$JAVA_HOME/bin/java" $GATUN_SPARK_JAVA_OPTS -Dspark.ui.enabled=false -cp "$BUILD/grayscale-images.jar:$GATUN_SPARK_CP" \
  GrayscaleImages "$IN" "$OUT" "$HERE/grayscale_kernel.wasm"
