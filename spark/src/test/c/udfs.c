/*
 * Test fixture for gatun-spark: scalar and buffer UDFs under the alloc/dealloc convention.
 * Built with -nostdlib, so the allocator is here: a bump allocator that counts live blocks and
 * rewinds when none is left. That fits the host's convention (it frees every argument and every result
 * after each call), keeps memory flat over millions of calls, and needs no libc.
 */
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

extern u8 __heap_base;
static u32 heap_top, live;

__attribute__((export_name("alloc"))) u32 alloc(u32 size) {
    if (!heap_top || !live) heap_top = (u32)&__heap_base;
    u32 p = (heap_top + 7) & ~7u, end = p + size;
    if (end < p) return 0;
    u32 have = __builtin_wasm_memory_size(0) * 65536u;
    if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (unsigned long)-1) return 0;
    heap_top = end;
    live++;
    return p;
}

__attribute__((export_name("dealloc"))) void dealloc(u32 ptr, u32 size) {
    (void)ptr; (void)size;
    if (live) live--;
}

static u64 packed(u32 ptr, u32 len) { return ((u64)ptr << 32) | len; }

/* Scalars: Spark types come from these signatures. */
__attribute__((export_name("gcd"))) int gcd(int a, int b) {
    while (b) { int t = a % b; a = b; b = t; }
    return a < 0 ? -a : a;
}
__attribute__((export_name("mix"))) long long mix(long long x) { /* a 64-bit finalizer: the benchmark's kernel */
    u64 z = (u64)x;
    z = (z ^ (z >> 33)) * 0xff51afd7ed558ccdULL;
    z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53ULL;
    return (long long)(z ^ (z >> 33));
}
__attribute__((export_name("add_one"))) int add_one(int x) { return x + 1; }
__attribute__((export_name("hypot2"))) double hypot2(double a, double b) { return __builtin_sqrt(a * a + b * b); }
__attribute__((export_name("half"))) float half(float a) { return a / 2; }
__attribute__((export_name("div"))) int div_(int a, int b) { return a / b; } /* traps on b == 0 */
__attribute__((export_name("spin"))) int spin(int n) { /* runs for ever when n < 0: the timeout test */
    volatile int i = 0;
    while (n < 0 || i < n) i++;
    return i;
}
__attribute__((export_name("grow"))) int grow(int pages) { return (int)__builtin_wasm_memory_grow(0, pages); }

/* Buffers: (ptr, len) in, packed (ptr << 32 | len) out, allocated with alloc. */
__attribute__((export_name("reverse"))) u64 reverse(const u8 *p, u32 n) {
    u8 *out = (u8 *)alloc(n);
    if (n && !out) __builtin_trap();
    for (u32 i = 0; i < n; i++) out[i] = p[n - 1 - i];
    return packed((u32)out, n);
}
__attribute__((export_name("shout"))) u64 shout(const u8 *p, u32 n, int bangs) { /* ASCII upper case + bangs */
    if (bangs < 0) return ~0ULL; /* SQL NULL */
    u8 *out = (u8 *)alloc(n + (u32)bangs);
    for (u32 i = 0; i < n; i++) out[i] = p[i] >= 'a' && p[i] <= 'z' ? p[i] - 32 : p[i];
    for (int i = 0; i < bangs; i++) out[n + i] = '!';
    return packed((u32)out, n + (u32)bangs);
}
__attribute__((export_name("byte_sum"))) int byte_sum(const u8 *p, u32 n) {
    int s = 0;
    for (u32 i = 0; i < n; i++) s += p[i];
    return s;
}
__attribute__((export_name("invert"))) u64 invert(u8 *p, u32 n) { /* in place: the result is the argument */
    for (u32 i = 0; i < n; i++) p[i] = (u8)~p[i];
    return packed((u32)p, n);
}
__attribute__((export_name("bad_result"))) u64 bad_result(const u8 *p, u32 n) { /* points past memory */
    (void)p;
    return packed(0xFFFFFF00u, n + 4096);
}
