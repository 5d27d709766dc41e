#!/bin/sh
# Regenerates the FFM bindings in dev.gatun.bench.nativec from ../src/main/c/native/gatun_bench.h and
# symbols.txt. Needs a jextract (https://github.com/openjdk/jextract, JDK 25 build) on PATH. The output is
# committed, so building the benchmarks never needs jextract. No --library: the harness System.load()s the
# library it built (scripts/bench-compare), and the bindings find its symbols through the loader lookup.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/../src/main/java"
PKG_DIR="$OUT/dev/gatun/bench/nativec"
command -v jextract >/dev/null 2>&1 || { echo "regenerate.sh: no jextract on PATH" >&2; exit 1; }
# Remove the previous output first, so symbols dropped from symbols.txt do not linger.
rm -f "$PKG_DIR"/*.java
jextract \
  --target-package dev.gatun.bench.nativec \
  --header-class-name gatun_bench_h \
  --output "$OUT" \
  @"$HERE/symbols.txt" \
  "$HERE/../src/main/c/native/gatun_bench.h"
echo "regenerated: $(ls "$PKG_DIR" | tr '\n' ' ')"
