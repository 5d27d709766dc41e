/*
 * Tail-call benchmark kernels (clang -mtail-call: every [[clang::musttail]] is a Wasm return_call or
 * return_call_indirect). Each runs n tail calls and returns a checksum, so engines' results compare.
 *   mutual:   two functions tail-calling each other (return_call to another function, the trampoline case)
 *   dispatch: four handlers tail-calling through a function table (return_call_indirect, as interpreters do)
 * Without tail calls both would need n stack frames; n = 10^6 is far past every engine's stack.
 */
typedef long long i64;

__attribute__((noinline)) i64 odd(int n, i64 acc);

__attribute__((noinline, export_name("even"))) i64 even(int n, i64 acc) {
    if (n == 0) return acc;
    [[clang::musttail]] return odd(n - 1, acc * 3 + 1);
}

__attribute__((noinline, export_name("odd"))) i64 odd(int n, i64 acc) {
    if (n == 0) return acc ^ 0x5555;
    [[clang::musttail]] return even(n - 1, acc + 7);
}

__attribute__((export_name("mutual"))) i64 mutual(int n) { return even(n, 1); }

typedef i64 (*Handler)(int n, i64 acc);
extern Handler handlers[4];

static i64 h0(int n, i64 acc) { if (n == 0) return acc; [[clang::musttail]] return handlers[(acc >> 3) & 3](n - 1, acc + 1); }
static i64 h1(int n, i64 acc) { if (n == 0) return acc; [[clang::musttail]] return handlers[(acc >> 3) & 3](n - 1, acc * 5); }
static i64 h2(int n, i64 acc) { if (n == 0) return acc; [[clang::musttail]] return handlers[(acc >> 3) & 3](n - 1, acc ^ (acc >> 7)); }
static i64 h3(int n, i64 acc) { if (n == 0) return acc; [[clang::musttail]] return handlers[(acc >> 3) & 3](n - 1, acc + 0x9e37); }

Handler handlers[4] = {h0, h1, h2, h3};

__attribute__((export_name("dispatch"))) i64 dispatch(int n) { return h0(n, 12345); }
