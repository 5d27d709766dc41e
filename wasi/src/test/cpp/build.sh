#!/bin/sh
# Rebuilds the C++ exception fixture (committed as ../resources/wasi/exceptions.wasm) and its expected
# output, which is the native build's (../resources/wasi/reference/exceptions-native.txt).
# Needs clang-19 with the wasm32-wasi target, Debian's wasi-libc and libc++-19-dev-wasm32 (sysroot /usr),
# and a native g++. clang-19 emits the legacy exception instructions (try/catch/catch_all/delegate/
# rethrow); its exnref form (-wasm-use-legacy-eh=false) came with LLVM 20. Debian's wasm32 libc++abi has
# no exception support, so eh_runtime.cpp provides the C++ ABI's exception entry points.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/wasi"
clang++-19 --target=wasm32-wasi --sysroot=/usr -fwasm-exceptions -O2 -Wall -Wl,--strip-all \
  -o "$out/exceptions.wasm" "$here/exceptions.cpp" "$here/eh_runtime.cpp"
echo "built $out/exceptions.wasm"
native=$(mktemp)
g++ -O2 -Wall -o "$native" "$here/exceptions.cpp"
"$native" > "$out/reference/exceptions-native.txt"
rm -f "$native"
echo "wrote $out/reference/exceptions-native.txt"
