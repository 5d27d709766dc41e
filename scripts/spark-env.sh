# Sourced by the Spark example and benchmark: builds gatun-spark, and sets
#   GATUN_SPARK_CP        Spark (from Maven Central) + gatun-spark and its dependencies, for a local JVM
#   GATUN_SPARK_JARS      the jars a job ships with spark-submit --jars (gatun-spark, -engine, -memory, -vector)
#   GATUN_SPARK_JAVA_OPTS the JVM flags a driver or executor needs: Gatun's, and Spark's own --add-opens
#                         (spark-submit adds the latter itself; a plain `java` run must pass them)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
source "$ROOT/scripts/need.sh"
need mvn maven
( cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl spark -am package dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/spark/target/classpath.txt" -Dmdep.includeScope=test ) >&2
GATUN_SPARK_JARS="$(ls "$ROOT"/spark/target/gatun-spark-*.jar "$ROOT"/engine/target/gatun-engine-*.jar \
  "$ROOT"/memory/target/gatun-memory-*.jar "$ROOT"/vector/target/gatun-vector-*.jar | grep -v -- '-sources\|-tests' | paste -sd, -)"
GATUN_SPARK_CP="$(echo "$GATUN_SPARK_JARS" | tr , :):$(cat "$ROOT/spark/target/classpath.txt")"
# Keep in step with <spark.jvm.flags> in spark/pom.xml.
GATUN_SPARK_JAVA_OPTS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+IgnoreUnrecognizedVMOptions \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
-Dio.netty.tryReflectionSetAccessible=true"
export GATUN_SPARK_CP GATUN_SPARK_JARS GATUN_SPARK_JAVA_OPTS
