#!/usr/bin/env bash
# Rebuilds the bundled example modules from C. Needs clang-16 with the wasm32 target and lld-16
# (Debian: clang-16 lld-16). The .wasm files are committed, so nothing else needs a C compiler.
set -euo pipefail
cd "$(dirname "$0")"
clang-16 --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--strip-debug -o mathlib.wasm mathlib.c
echo "built examples/mathlib.wasm ($(wc -c < mathlib.wasm) bytes)"
