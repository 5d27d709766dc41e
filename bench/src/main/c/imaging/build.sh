#!/usr/bin/env bash
# Builds the native baselines of the imaging benchmarks from the very C the wasm modules are built from
# (imaging/src/main/c, see imaging/build.sh): gcc -O2, one shared library per module, since every codec
# exports the same ABI (gatun_decode, gatun_encode, ...). Called through FFM by dev.gatun.bench.imaging.
# Usage: build.sh OUTPUT_DIR (default ../../../../target/native).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(realpath -m "${1:-$here/../../../../target/native}")"
cd "$here"
C=../../../../../imaging/src/main/c
DEFS="-DLODEPNG_NO_COMPILE_DISK -DLODEPNG_NO_COMPILE_CPP -DNDEBUG"
mkdir -p "$out"
gcc -O2 -shared -fPIC $DEFS -o "$out/libgatun_png.so" $C/codec_png.c $C/common.c $C/third_party/lodepng/lodepng.c
gcc -O2 -shared -fPIC $DEFS -o "$out/libgatun_jpeg.so" $C/codec_jpeg.c $C/common.c -lm
gcc -O2 -shared -fPIC $DEFS -o "$out/libgatun_qoi.so" $C/codec_qoi.c $C/common.c
gcc -O2 -shared -fPIC $DEFS -o "$out/libgatun_filters.so" $C/filters.c
echo "built $out/libgatun_{png,jpeg,qoi,filters}.so"
