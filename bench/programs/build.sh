#!/usr/bin/env bash
# Builds the whole-program benchmarks from the C sources beside this script.
#
#   build.sh           the .wasm files (clang-16 --target=wasm32-wasi, Debian's wasi-libc), into wasm/
#                      (committed, so running the benchmark needs no Wasm toolchain)
#   build.sh --native DIR
#                      the same programs with gcc -O2, into DIR (scripts/bench-programs does this)
#   either followed by program names builds only those (e.g. build.sh coremark gemm)
#
# Every program is built -O2 in both worlds. PolyBench kernels come in two datasets: LARGE (the full run)
# and MEDIUM (--quick). The resizer is built twice for Wasm: scalar and -msimd128; natively its scalar
# twin has stb's SIMD paths off (STBIR_NO_SIMD) and its SIMD twin uses them (SSE2 on x86-64).
# The SQLite amalgamation takes minutes to compile on a loaded machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mode=wasm out=$here/wasm
# DIR is relative to where the caller stands, not to this script's folder (scripts/bench-programs passes
# bench/target/programs/native from the repository root).
if [ "${1:-}" = --native ]; then mode=native out=$(realpath -m "${2:?build.sh --native DIR}"); shift 2; fi
cd "$here"
only=" $* "  # program names to build (default: all)
mkdir -p "$out"

polybench=(gemm 2mm jacobi-2d heat-3d covariance)
sqlite_defs=(-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_TEMP_STORE=3 -DSQLITE_ENABLE_FTS5
             -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_DEFAULT_MEMSTATUS=0)

if [ $mode = wasm ]; then
  cc() { clang-16 --target=wasm32-wasi --sysroot=/usr -O2 "$@" -lm; }
  ext=.wasm simd=-msimd128 nosimd=()
  # polybench.c includes <sys/resource.h>, which wasi-libc only offers as an emulation (getrusage is unused)
  polybench_os=(-D_WASI_EMULATED_PROCESS_CLOCKS -lwasi-emulated-process-clocks) sqlite_os=(-DSQLITE_OS_OTHER=1 -Wl,-z,stack-size=1048576)
else
  cc() { gcc -O2 "$@" -lm; }
  ext="" simd="" nosimd=(-DSTBIR_NO_SIMD) sqlite_os=() polybench_os=()
fi

build() {  # build NAME ARGS...: compiles and links one program
  local name=$1; shift
  [ "$only" = "  " ] || [[ "$only" == *" ${name%-large} "* ]] || [[ "$only" == *" ${name%-medium} "* ]] || return 0
  cc -o "$out/$name$ext" "$@"
  echo "built $out/$name$ext ($(wc -c < "$out/$name$ext") bytes)"
}

build hello hello/hello.c
build coremark -Icoremark -DPERFORMANCE_RUN=1 -DFLAGS_STR='"-O2"' \
  coremark/core_list_join.c coremark/core_main.c coremark/core_matrix.c coremark/core_state.c \
  coremark/core_util.c coremark/core_portme.c
for k in "${polybench[@]}"; do
  for size in LARGE MEDIUM; do
    build "$k-${size,,}" -Ipolybench/utilities -Ipolybench/$k -D${size}_DATASET -DPOLYBENCH_TIME \
      -DPOLYBENCH_DUMP_ARRAYS "${polybench_os[@]}" polybench/utilities/polybench.c polybench/$k/$k.c
  done
done
build resize-scalar -Istb "${nosimd[@]}" stb/resize.c
if [ -n "$simd" ]; then build resize-simd -Istb $simd stb/resize.c; else build resize-simd -Istb stb/resize.c; fi
build sqlite -Isqlite "${sqlite_defs[@]}" "${sqlite_os[@]}" sqlite/workload.c sqlite/sqlite3.c
