#!/usr/bin/env bash
# Rebuilds the execution benchmark kernels (clang-16, wasm32, freestanding) into the bench resources.
set -euo pipefail
cd "$(dirname "$0")"
out=../../resources/exec
mkdir -p "$out"
clang-16 --target=wasm32 -O2 -fno-builtin -nostdlib -Wl,--no-entry -Wl,--export-all -o "$out/kernels.wasm" kernels.c
echo "built $out/kernels.wasm ($(wc -c < "$out/kernels.wasm") bytes)"
