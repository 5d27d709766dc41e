// Image kernels for the SIMD benchmark: RGBA -> grayscale, 3x3 box blur, alpha blend.
// The same source builds twice: with -msimd128 the __wasm_simd128__ paths use wasm_simd128.h (16 pixels
// or bytes per step), without it the plain loops run; both use the same integer formulas, so the
// outputs are byte-identical and the benchmark cross-checks them.
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

// Three frame buffers carved from memory grown at setup: a and b are inputs, c the output.
static u8 *fa, *fb, *fc;
static u32 frame_bytes;

// Grows memory by three frames of `bytes` (a multiple of 64 KiB) and fills a and b with a fixed pattern.
int frames_setup(u32 bytes) {
    int old = __builtin_wasm_memory_grow(0, (3 * bytes) >> 16);
    if (old < 0) return 0;
    fa = (u8 *) ((u32) old << 16);
    fb = fa + bytes;
    fc = fb + bytes;
    frame_bytes = bytes;
    u32 x = 2463534242u;
    for (u32 i = 0; i < bytes; i += 4) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        *(u32 *) (fa + i) = x;
        *(u32 *) (fb + i) = x * 2654435761u;
    }
    return 1;
}

// FNV-1a over the first n bytes of the output frame (for cross-checking engines and builds).
u32 output_hash(u32 n) {
    u32 h = 2166136261u;
    for (u32 i = 0; i < n; i++) h = (h ^ fc[i]) * 16777619u;
    return h;
}

// Luma of every RGBA pixel of frame a into c (one byte per pixel): y = (77 r + 150 g + 29 b) >> 8.
void grayscale(u32 pixels) {
    const u32 *src = (const u32 *) fa;
    u8 *dst = fc;
    u32 i = 0;
#ifdef __wasm_simd128__
    const v128_t m = wasm_i32x4_splat(0xFF);
    const v128_t kr = wasm_i32x4_splat(77), kg = wasm_i32x4_splat(150), kb = wasm_i32x4_splat(29);
    for (; i + 16 <= pixels; i += 16) {
        v128_t y[4];
        for (int k = 0; k < 4; k++) {
            v128_t p = wasm_v128_load(src + i + 4 * k);
            v128_t r = wasm_v128_and(p, m);
            v128_t g = wasm_v128_and(wasm_u32x4_shr(p, 8), m);
            v128_t b = wasm_v128_and(wasm_u32x4_shr(p, 16), m);
            v128_t s = wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(r, kr), wasm_i32x4_mul(g, kg)), wasm_i32x4_mul(b, kb));
            y[k] = wasm_u32x4_shr(s, 8);
        }
        v128_t lo = wasm_u16x8_narrow_i32x4(y[0], y[1]);
        v128_t hi = wasm_u16x8_narrow_i32x4(y[2], y[3]);
        wasm_v128_store(dst + i, wasm_u8x16_narrow_i16x8(lo, hi));
    }
#endif
    for (; i < pixels; i++) {
        u32 p = src[i];
        dst[i] = (u8) ((77 * (p & 0xFF) + 150 * ((p >> 8) & 0xFF) + 29 * ((p >> 16) & 0xFF)) >> 8);
    }
}

// 3x3 box blur of frame a read as a w x h grayscale image into c; the one-pixel border is copied.
// Mean of nine: (sum * 3641 + 16384) >> 15, the same rounding i16x8.q15mulr_sat_s does.
void box_blur(u32 w, u32 h) {
    const u8 *s = fa;
    u8 *d = fc;
    for (u32 x = 0; x < w; x++) { d[x] = s[x]; d[(h - 1) * w + x] = s[(h - 1) * w + x]; }
    for (u32 y = 1; y + 1 < h; y++) {
        const u8 *r0 = s + (y - 1) * w, *r1 = s + y * w, *r2 = s + (y + 1) * w;
        u8 *o = d + y * w;
        o[0] = r1[0];
        o[w - 1] = r1[w - 1];
        u32 x = 1;
#ifdef __wasm_simd128__
        const v128_t k = wasm_i16x8_splat(3641);
        for (; x + 17 <= w; x += 16) {
            v128_t lo = wasm_i16x8_splat(0), hi = wasm_i16x8_splat(0);
            const u8 *rows[3] = {r0, r1, r2};
            for (int j = 0; j < 3; j++) {
                for (int dx = -1; dx <= 1; dx++) {
                    v128_t v = wasm_v128_load(rows[j] + x + dx);
                    lo = wasm_i16x8_add(lo, wasm_u16x8_extend_low_u8x16(v));
                    hi = wasm_i16x8_add(hi, wasm_u16x8_extend_high_u8x16(v));
                }
            }
            lo = wasm_i16x8_q15mulr_sat(lo, k);
            hi = wasm_i16x8_q15mulr_sat(hi, k);
            wasm_v128_store(o + x, wasm_u8x16_narrow_i16x8(lo, hi));
        }
#endif
        for (; x + 1 < w; x++) {
            u32 sum = r0[x - 1] + r0[x] + r0[x + 1] + r1[x - 1] + r1[x] + r1[x + 1] + r2[x - 1] + r2[x] + r2[x + 1];
            o[x] = (u8) ((sum * 3641 + 16384) >> 15);
        }
    }
}

// c = (a * alpha + b * (256 - alpha)) >> 8 per byte, alpha in 0..256.
void alpha_blend(u32 bytes, u32 alpha) {
    const u8 *a = fa, *b = fb;
    u8 *c = fc;
    u32 i = 0;
#ifdef __wasm_simd128__
    const v128_t ka = wasm_i16x8_splat((short) alpha), kb = wasm_i16x8_splat((short) (256 - alpha));
    for (; i + 16 <= bytes; i += 16) {
        v128_t va = wasm_v128_load(a + i), vb = wasm_v128_load(b + i);
        v128_t lo = wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(va), ka),
                                   wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(vb), kb));
        v128_t hi = wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(va), ka),
                                   wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(vb), kb));
        wasm_v128_store(c + i, wasm_u8x16_narrow_i16x8(wasm_u16x8_shr(lo, 8), wasm_u16x8_shr(hi, 8)));
    }
#endif
    for (; i < bytes; i++) c[i] = (u8) ((a[i] * alpha + b[i] * (256 - alpha)) >> 8);
}
