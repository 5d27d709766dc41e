#!/usr/bin/env bash
# Builds the native reference library from the same C sources as the wasm kernels: gcc -O2, position-
# independent, memory.grow mapped by wasm_shim.c. image.c has no __wasm_simd128__ here, so its plain
# loops build (gcc -O2 may auto-vectorise them for the host, as it would for any native program).
# Usage: build.sh OUTPUT_DIR (default ../../../../target/native).
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-../../../../target/native}
mkdir -p "$out"
gcc -O2 -shared -fPIC -Wno-int-to-pointer-cast -include wasm_shim.h \
  -o "$out/libgatunbench.so" ../exec/kernels.c ../simd/image.c wasm_shim.c
echo "built $out/libgatunbench.so"
