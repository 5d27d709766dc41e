#!/bin/sh
# Rebuilds grayscale.wasm (a WASI command) from grayscale.c, and the bundled picture if it is missing.
# Needs clang-16 with the wasm32-wasi target and Debian's wasi-libc (sysroot /usr).
set -eu
cd "$(dirname "$0")"
clang-16 --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wl,--strip-all -o grayscale.wasm grayscale.c
echo "built examples/grayscale/grayscale.wasm ($(wc -c < grayscale.wasm) bytes)"
[ -f picture.ppm ] || python3 make-picture.py picture.ppm
