/*
 * A partition kernel for Gatun on Spark: binary PPM (P6) bytes in, a box-blurred grayscale PGM (P5) out.
 * The same filter as examples/grayscale, as a library instead of a command: no files, no stdio, just
 * buffers under gatun-spark's memory convention. Arguments arrive as (ptr, len) in memory the host got
 * from malloc; the result is returned as ptr << 32 | len, allocated with malloc, and freed by the host.
 * A picture that is not a PPM this filter handles gives -1, which Spark sees as NULL.
 * Built as a WASI reactor for wasi-libc's malloc; it imports nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_RESULT ((uint64_t)-1)

static int is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* next header integer at *pos, skipping whitespace and # comments; -1 when there is none */
static long token(const uint8_t *p, size_t n, size_t *pos) {
    size_t i = *pos;
    for (;;) {
        while (i < n && is_space(p[i])) i++;
        if (i < n && p[i] == '#') { while (i < n && p[i] != '\n') i++; continue; }
        break;
    }
    long v = 0;
    int digits = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9' && digits < 9) { v = v * 10 + (p[i] - '0'); digits++; i++; }
    *pos = i;
    return digits ? v : -1;
}

static void blur_line(const uint8_t *src, uint8_t *dst, int n, size_t stride, int r) {
    long sum = 0; /* running sum over a window clamped at the edges */
    for (int i = -r; i <= r; i++) sum += src[(size_t)(i < 0 ? 0 : i >= n ? n - 1 : i) * stride];
    for (int i = 0; i < n; i++) {
        dst[(size_t)i * stride] = (uint8_t)((sum + r) / (2 * r + 1));
        int out = i - r, in = i + r + 1;
        sum += src[(size_t)(in >= n ? n - 1 : in) * stride] - src[(size_t)(out < 0 ? 0 : out) * stride];
    }
}

__attribute__((export_name("grayscale_blur")))
uint64_t grayscale_blur(const uint8_t *ppm, uint32_t len, int radius) {
    if (len < 2 || ppm[0] != 'P' || ppm[1] != '6' || radius < 0 || radius > 64) return NO_RESULT;
    size_t pos = 2;
    long w = token(ppm, len, &pos), h = token(ppm, len, &pos), maxval = token(ppm, len, &pos);
    if (w <= 0 || h <= 0 || maxval != 255 || w * h > 16L * 1024 * 1024 || pos >= len || !is_space(ppm[pos])) return NO_RESULT;
    pos++; /* the single whitespace before the pixels */
    size_t n = (size_t)w * (size_t)h;
    if (len - pos < n * 3) return NO_RESULT;
    const uint8_t *rgb = ppm + pos;

    char header[32];
    int hl = 0;
    { /* "P5\n<w> <h>\n255\n" without stdio */
        char digits[12];
        const char *parts[] = {"P5\n", 0, " ", 0, "\n255\n"};
        long nums[] = {0, w, 0, h, 0};
        for (int k = 0; k < 5; k++) {
            if (parts[k]) { for (const char *c = parts[k]; *c; c++) header[hl++] = *c; continue; }
            int d = 0;
            long v = nums[k];
            do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v);
            while (d) header[hl++] = digits[--d];
        }
    }
    uint8_t *out = malloc((size_t)hl + n), *tmp = malloc(n);
    if (!out || !tmp) { free(out); free(tmp); return NO_RESULT; }
    memcpy(out, header, (size_t)hl);
    uint8_t *gray = out + hl;
    for (size_t i = 0; i < n; i++)
        gray[i] = (uint8_t)((299u * rgb[3 * i] + 587u * rgb[3 * i + 1] + 114u * rgb[3 * i + 2] + 500) / 1000);
    if (radius > 0) {
        for (long y = 0; y < h; y++) blur_line(gray + (size_t)y * w, tmp + (size_t)y * w, (int)w, 1, radius);
        for (long x = 0; x < w; x++) blur_line(tmp + x, gray + x, (int)h, (size_t)w, radius);
    }
    free(tmp);
    return ((uint64_t)(uintptr_t)out << 32) | (uint32_t)(hl + n);
}

/* The partition kernel's (ptr, len) -> packed form, with the example's default radius. */
__attribute__((export_name("grayscale")))
uint64_t grayscale(const uint8_t *ppm, uint32_t len) { return grayscale_blur(ppm, len, 2); }

/* wasi-libc's allocator, exported for the host under the malloc/free convention */
__attribute__((export_name("malloc"))) void *export_malloc(size_t n) { return malloc(n); }
__attribute__((export_name("free"))) void export_free(void *p) { free(p); }
