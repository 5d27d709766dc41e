#!/usr/bin/env bash
# Rebuilds the SIMD benchmark image kernels (clang-16, wasm32, freestanding) into the bench resources:
# image-simd.wasm with -msimd128 (the wasm_simd128.h paths, plus whatever the auto-vectoriser adds) and
# image-scalar.wasm without (plain loops; auto-vectorisation has no SIMD target to use).
set -euo pipefail
cd "$(dirname "$0")"
out=../../resources/simd
mkdir -p "$out"
flags=(--target=wasm32 -nostdlib -Wl,--no-entry -Wl,--export-all -O3 -fno-builtin)
clang-16 "${flags[@]}" -msimd128 -o "$out/image-simd.wasm" image.c
clang-16 "${flags[@]}" -o "$out/image-scalar.wasm" image.c
for f in image-simd image-scalar; do
  echo "built $out/$f.wasm ($(wc -c < "$out/$f.wasm") bytes, $(wasm-objdump -d "$out/$f.wasm" | grep -cE ' (v128|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\.') SIMD instructions)"
done
