#!/bin/sh
# Regenerates the POSIX bindings in dev.gatun.memory.posix from gatun_posix.h and symbols.txt.
# Needs a jextract (https://github.com/openjdk/jextract, JDK 25 build) on PATH, run on Linux glibc.
# The generated values and layouts are the same on x86_64 and aarch64 (LP64, asm-generic errno/mman flags);
# run it on either and diff the output to confirm after a glibc or header change.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/../src/main/java"
PKG_DIR="$OUT/dev/gatun/memory/posix"
command -v jextract >/dev/null 2>&1 || { echo "regenerate.sh: no jextract on PATH" >&2; exit 1; }
# Remove the previous output first, so symbols dropped from symbols.txt do not linger.
rm -f "$PKG_DIR"/*.java
jextract \
  --target-package dev.gatun.memory.posix \
  --header-class-name posix_h \
  --output "$OUT" \
  @"$HERE/symbols.txt" \
  "$HERE/gatun_posix.h"
echo "regenerated: $(ls "$PKG_DIR" | tr '\n' ' ')"
