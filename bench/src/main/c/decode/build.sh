#!/bin/sh
# Rebuilds the decode benchmark module: generates the C sources (deterministic) and compiles them
# with clang-16 for wasm32-wasi. Output: ../../resources/decode/big.wasm
set -eu
cd "$(dirname "$0")"
UNITS=${UNITS:-400}
rm -rf gen && python3 gen.py "$UNITS" gen
mkdir -p ../../resources/decode
clang-16 --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-debug -Igen -o ../../resources/decode/big.wasm gen/*.c
ls -l ../../resources/decode/big.wasm
