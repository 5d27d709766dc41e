#!/bin/sh
# Rebuilds grayscale_kernel.wasm from grayscale_kernel.c (committed, so running the example needs no
# compiler): a WASI reactor, for wasi-libc's malloc, that imports nothing.
set -eu
cd "$(dirname "$0")"
. ../../scripts/need.sh
need clang-16 clang-16
need wasm-ld-16 lld-16
if [ ! -f /usr/lib/wasm32-wasi/libc.a ]; then
  echo "build.sh: wasi-libc is missing; install it (Debian: sudo apt-get install wasi-libc)" >&2
  exit 1
fi
clang-16 --target=wasm32-wasi --sysroot=/usr -mexec-model=reactor -O2 -Wall -Wl,--strip-debug \
  -o grayscale_kernel.wasm grayscale_kernel.c
echo "built examples/spark-images/grayscale_kernel.wasm ($(wc -c < grayscale_kernel.wasm) bytes)"
[ -f pictures/day-160x120.ppm ] || python3 make-pictures.py pictures
