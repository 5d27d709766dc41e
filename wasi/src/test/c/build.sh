#!/bin/sh
# Rebuilds the WASI test fixtures (committed under ../resources/wasi/) from these C sources.
# Needs clang-16 with the wasm32-wasi target and Debian's wasi-libc (sysroot /usr).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/wasi"
mkdir -p "$out"
for src in "$here"/*.c; do
  name=$(basename "$src" .c)
  clang-16 --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wl,--strip-all -o "$out/$name.wasm" "$src"
  echo "built $out/$name.wasm"
done
