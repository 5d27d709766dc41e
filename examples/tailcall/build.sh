#!/bin/sh
# Rebuilds vm.wasm (wasm32-wasi, tail calls on) and expected.txt (the output of a native build of the
# same source, run at 10% size as the test runs it) from vm.c. Needs clang-19 with wasm-ld-19 and Debian's wasi-libc (sysroot /usr).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
clang-19 --target=wasm32-wasi --sysroot=/usr -mtail-call -O2 -Wall -Wl,--strip-all -o "$here/vm.wasm" "$here/vm.c"
native=$(mktemp)
trap 'rm -f "$native"' EXIT
clang-19 -O2 -Wall -o "$native" "$here/vm.c"
"$native" 10 > "$here/expected.txt"
echo "built $here/vm.wasm and $here/expected.txt"
