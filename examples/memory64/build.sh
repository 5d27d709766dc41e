#!/usr/bin/env bash
# Rebuilds bigmem.wasm (memory64) and the expected outputs from a native build of the same source.
# Needs clang-19 and wasm-ld-19 (Debian: clang-19 lld-19). The .wasm and expected-*.txt are committed.
set -euo pipefail
cd "$(dirname "$0")"
clang-19 --target=wasm64-unknown-unknown -O2 -nostdlib -mbulk-memory -Wl,--no-entry -Wl,--export=run \
    -Wl,--strip-debug -o bigmem.wasm bigmem.c
clang-19 -O2 -o /tmp/bigmem-native bigmem.c
for mib in 64 5120; do /tmp/bigmem-native "$mib" > "expected-$mib.txt"; done
echo "built examples/memory64/bigmem.wasm ($(wc -c < bigmem.wasm) bytes) and expected-{64,5120}.txt"
