/* JPEG through stb_image (baseline and progressive decode to RGBA8) and stb_image_write (baseline
 * encode of the RGB channels; JPEG has no alpha). quality 1..100, 0 means 90. */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_SIMD /* the wasm and native builds must run the same C, so the outputs can match exactly */
#define STBI_ASSERT(x) ((void)0)
#include "third_party/stb/stb_image.h"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#define STBIW_ASSERT(x) ((void)0)
#include "third_party/stb/stb_image_write.h"
#include "gatun_image.h"
#include <stdlib.h>
#include <string.h>

const gatun_result *gatun_decode(const uint8_t *in, uint32_t len) {
    int w, h, n;
    if (len > 0x7fffffff) return gatun_fail("input too large");
    unsigned char *px = stbi_load_from_memory(in, (int)len, &w, &h, &n, 4);
    if (!px) return gatun_fail(stbi_failure_reason());
    return gatun_ok(px, (size_t)w * h * 4, (uint32_t)w, (uint32_t)h);
}

typedef struct { uint8_t *data; size_t size, cap; int failed; } sink;

static void sink_write(void *ctx, void *bytes, int n) {
    sink *s = ctx;
    if (s->failed) return;
    if (s->size + n > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 65536;
        while (cap < s->size + n) cap *= 2;
        uint8_t *p = realloc(s->data, cap);
        if (!p) { s->failed = 1; return; }
        s->data = p;
        s->cap = cap;
    }
    memcpy(s->data + s->size, bytes, n);
    s->size += n;
}

const gatun_result *gatun_encode(const uint8_t *rgba, uint32_t width, uint32_t height, uint32_t stride, int32_t quality) {
    if (width == 0 || height == 0 || width > 65535 || height > 65535 || stride < width * 4)
        return gatun_fail("bad image dimensions");
    if (quality <= 0) quality = 90;
    if (quality > 100) quality = 100;
    uint8_t *owned;
    const uint8_t *px = gatun_packed(rgba, width, height, stride, &owned);
    if (!px) return gatun_fail("out of memory");
    sink s = {0, 0, 0, 0};
    int ok = stbi_write_jpg_to_func(sink_write, &s, (int)width, (int)height, 4, px, quality);
    free(owned);
    if (!ok || s.failed) {
        free(s.data);
        return gatun_fail("JPEG encoding failed");
    }
    return gatun_ok(s.data, s.size, width, height);
}
