#!/usr/bin/env bash
# Rebuilds the tail-call benchmark kernels (clang-19, wasm32, freestanding, tail calls on) into the bench resources.
set -euo pipefail
cd "$(dirname "$0")"
out=../../resources/tailcall
mkdir -p "$out"
clang-19 --target=wasm32 -mtail-call -O2 -fno-builtin -nostdlib -Wl,--no-entry -o "$out/tailcall.wasm" tailcall.c
echo "built $out/tailcall.wasm ($(wc -c < "$out/tailcall.wasm") bytes)"
