#!/bin/sh
# Rebuilds parallel_blur.wasm from parallel_blur.c (committed, so running the example needs no compiler).
# Needs clang-16 and wasm-ld-16 (Debian: clang-16 lld-16). No libc: the module imports its memory, shared,
# and exports only the kernel's functions; wasm-ld adds the start function that initialises the memory once
# (guarded by an atomic flag, so later instances over the same memory leave it alone).
set -eu
cd "$(dirname "$0")"
. ../../scripts/need.sh
need clang-16 clang-16
need wasm-ld-16 lld-16
# Compiled and linked in two steps: the clang driver would run binaryen's wasm-opt after linking when one
# is on the PATH, without the atomics feature, and it rejects the shared memory.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clang-16 --target=wasm32 -O2 -Wall -matomics -mbulk-memory -c -o "$tmp/parallel_blur.o" parallel_blur.c
wasm-ld-16 --no-entry --strip-all $(printf -- "--export=%s " src_buffer dst_buffer histogram max_workers job_begin job_work job_wait) \
  --import-memory --shared-memory --initial-memory=17039360 --max-memory=33554432 \
  -o parallel_blur.wasm "$tmp/parallel_blur.o"
echo "built examples/threads/parallel_blur.wasm ($(wc -c < parallel_blur.wasm) bytes)"
