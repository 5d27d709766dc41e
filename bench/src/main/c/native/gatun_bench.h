// The exported functions of exec/kernels.c and simd/image.c, for jextract: the native library built from
// the same sources (build.sh) is the physical reference of the comparison harness.
int fib(int n);
int sieve(int n);
double matmul(int n);
int coremark(int iterations);
int pixels_setup(int mib);
unsigned pixels_run(int gain);
int frames_setup(unsigned bytes);
unsigned output_hash(unsigned n);
void grayscale(unsigned pixels);
void box_blur(unsigned w, unsigned h);
void alpha_blend(unsigned bytes, unsigned alpha);
