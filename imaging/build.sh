#!/usr/bin/env bash
# Rebuilds everything in this module that comes from C, so that the tests need no compiler:
#  - the wasm codecs and filters (clang-16, wasm32-wasi reactors with wasi-libc's malloc)
#      src/main/resources/dev/gatun/imaging/{png,jpeg,qoi,filters}.wasm
#  - the test-only trapping filter: src/test/resources/trapping_filter.wasm
#  - the bundled test images, if missing (ffmpeg's lavfi sources): src/test/resources/images/
#  - the expected outputs: the SAME C built natively by gcc, run over those images:
#      src/test/resources/expected/
# The JUnit tests compare the wasm builds' outputs with the expected files byte for byte.
set -euo pipefail
cd "$(dirname "$0")"
source ../scripts/need.sh
need clang-16 clang-16
need wasm-ld-16 lld-16
need gcc gcc
need ffmpeg ffmpeg
[ -f /usr/lib/wasm32-wasi/crt1-reactor.o ] || apt-get install -y -qq wasi-libc >&2
[ -f /usr/lib/llvm-16/lib/clang/16/lib/wasi/libclang_rt.builtins-wasm32.a ] || apt-get install -y -qq libclang-rt-16-dev-wasm32 >&2

C=src/main/c
RES=src/main/resources/dev/gatun/imaging
TRES=src/test/resources
mkdir -p "$RES" "$TRES/images" "$TRES/expected"
# The codecs' options, shared by both builds: no file I/O (the host hands over bytes), lodepng as C.
DEFS="-DLODEPNG_NO_COMPILE_DISK -DLODEPNG_NO_COMPILE_CPP -DNDEBUG"
WASM="clang-16 --target=wasm32-wasi --sysroot=/usr -mexec-model=reactor -Wl,--strip-all $DEFS"

# The codecs at -Os: with less inlining, fewer of their functions exceed the size the engine compiles to JVM
# bytecode (larger ones stay interpreted); PNG decode measured 2-3x faster than at -O2. The filters are
# small loops: -O2, without -msimd128: clang's auto-vectorised blur ran 11x slower on the engine than the
# scalar one (JMH, 640x480: 0.7 against 8.0 Mpx/s); grayscale was about the same either way.
WASM_CODEC="$WASM -Os"
$WASM_CODEC -o "$RES/png.wasm" $C/codec_png.c $C/common.c $C/third_party/lodepng/lodepng.c
$WASM_CODEC -o "$RES/jpeg.wasm" $C/codec_jpeg.c $C/common.c
$WASM_CODEC -o "$RES/qoi.wasm" $C/codec_qoi.c $C/common.c
$WASM -O2 -o "$RES/filters.wasm" $C/filters.c
clang-16 --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--strip-all -o "$TRES/trapping_filter.wasm" src/test/c/trapping_filter.c
for f in "$RES"/*.wasm "$TRES"/trapping_filter.wasm; do echo "built $f ($(wc -c < "$f") bytes)"; done

# Bundled images: a photo-like fractal and a test card (RGB), one with a varying alpha channel, made by
# ffmpeg's encoders so the codecs decode files they did not write themselves.
img=$TRES/images
[ -f $img/mandelbrot.png ] || ffmpeg -v error -f lavfi -i mandelbrot=size=160x120 -frames:v 1 -pix_fmt rgb24 $img/mandelbrot.png
[ -f $img/alpha.png ] || ffmpeg -v error -f lavfi -i "color=black:size=120x90,format=rgba,geq=r='X':g='Y':b='128+64*sin(X/9)':a='(X+Y)*255/210'" -frames:v 1 $img/alpha.png
[ -f $img/testsrc.jpg ] || ffmpeg -v error -f lavfi -i testsrc2=size=160x120 -frames:v 1 -q:v 3 $img/testsrc.jpg
[ -f $img/mandelbrot.qoi ] || ffmpeg -v error -i $img/mandelbrot.png -pix_fmt rgba $img/mandelbrot.qoi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for codec in png jpeg qoi; do
  extra=""; [ $codec = png ] && extra=$C/third_party/lodepng/lodepng.c
  gcc -O2 $DEFS -o "$tmp/ref-$codec" $C/reference.c $C/common.c $C/codec_$codec.c $extra -lm
done
gcc -O2 -DREFERENCE_FILTERS -o "$tmp/ref-filters" $C/reference.c $C/filters.c

exp=$TRES/expected
rm -f $exp/*
# Decoding: every bundled image by its own codec.
"$tmp/ref-png" decode $img/mandelbrot.png $exp/mandelbrot.png.pam
"$tmp/ref-png" decode $img/alpha.png $exp/alpha.png.pam
"$tmp/ref-jpeg" decode $img/testsrc.jpg $exp/testsrc.jpg.pam
"$tmp/ref-qoi" decode $img/mandelbrot.qoi $exp/mandelbrot.qoi.pam
# Encoding: the decoded pixels by every codec, and the JPEGs decoded again (JPEG is lossy, so its round
# trip is checked against the native decode of the native encode).
for src in mandelbrot.png alpha.png testsrc.jpg; do
  "$tmp/ref-png" encode $exp/$src.pam $exp/$src.png
  "$tmp/ref-qoi" encode $exp/$src.pam $exp/$src.qoi
  "$tmp/ref-jpeg" encode $exp/$src.pam $exp/$src.q90.jpg 90
  "$tmp/ref-jpeg" decode $exp/$src.q90.jpg $exp/$src.q90.jpg.pam
done
# Filters on the fractal.
for f in grayscale sepia invert; do "$tmp/ref-filters" filter $f $exp/mandelbrot.png.pam $exp/mandelbrot.$f.pam; done
"$tmp/ref-filters" filter blur $exp/mandelbrot.png.pam $exp/mandelbrot.blur3.pam 3
echo "wrote $(ls $exp | wc -l) expected files to $exp"
