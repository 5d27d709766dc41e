#!/usr/bin/env bash
# Blurs a PPM with parallel_blur.wasm on N Java threads sharing one memory.
#   run.sh [IN.ppm [OUT.ppm [THREADS]]]   (default: the grayscale example's picture, 2 threads)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
source "$ROOT/scripts/java-env.sh"
# The CLI's jar and its libraries are the engine's classpath; ./gatun builds them when sources changed.
"$ROOT/gatun" --version > /dev/null
IN="${1:-$ROOT/examples/grayscale/picture.ppm}" OUT="${2:-$HERE/picture-blurred.ppm}" THREADS="${3:-2}"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$ROOT/cli/target/gatun-cli.jar:$ROOT/cli/target/lib/*" \
  "$HERE/src/ParallelBlur.java" "$HERE/parallel_blur.wasm" "$IN" "$OUT" "$THREADS"
