#!/bin/sh
# Rebuilds the small hand-written test modules (committed under ../resources/wat/). Needs wabt's wat2wasm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/../resources/wat"
for src in "$here"/*.wat; do
  wat2wasm -o "$here/../resources/wat/$(basename "$src" .wat).wasm" "$src"
done
