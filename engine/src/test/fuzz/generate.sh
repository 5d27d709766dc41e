#!/usr/bin/env bash
# Rebuilds the random-module corpus TierDifferentialTest runs in both execution tiers:
# binaryen's translate-to-fuzz over random bytes, Wasm 2.0 features (SIMD in a quarter of them).
# Needs wasm-opt (Debian package binaryen); node, if present, checks every module validates.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/resources/fuzz"
count="${1:-48}"
rm -rf "$out" && mkdir -p "$out"
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
features=(--enable-bulk-memory --enable-multivalue --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)
for i in $(seq 1 "$count"); do
  head -c $((2000 + RANDOM % 30000)) /dev/urandom > "$tmp"
  extra=(); (( i % 4 == 0 )) && extra=(--enable-simd)
  wasm-opt -ttf "$tmp" -o "$out/$(printf 'fuzz%03d' "$i").wasm" "${features[@]}" "${extra[@]}" 2>/dev/null
done
if command -v node >/dev/null; then
  node -e 'const fs=require("fs"),d=process.argv[1];for(const f of fs.readdirSync(d))if(!WebAssembly.validate(fs.readFileSync(d+"/"+f)))throw new Error(f+" does not validate")' "$out"
fi
echo "wrote $count modules to $out"
