#!/bin/sh
# Rebuilds the test fixture udfs.wasm from udfs.c (committed, so the tests need no compiler).
set -eu
cd "$(dirname "$0")"
. ../../../../scripts/need.sh
need clang-16 clang-16
need wasm-ld-16 lld-16
clang-16 --target=wasm32 -O2 -Wall -mbulk-memory -nostdlib -Wl,--no-entry -Wl,--export=__heap_base -Wl,--strip-debug \
  -o ../resources/udfs.wasm udfs.c
echo "built spark/src/test/resources/udfs.wasm ($(wc -c < ../resources/udfs.wasm) bytes)"
