/* PNG through lodepng: decode any PNG to RGBA8, encode RGBA8 with lodepng's default settings. */
#include "third_party/lodepng/lodepng.h"
#include "gatun_image.h"
#include <stdlib.h>

const gatun_result *gatun_decode(const uint8_t *in, uint32_t len) {
    unsigned char *out = 0;
    unsigned w = 0, h = 0;
    unsigned err = lodepng_decode32(&out, &w, &h, in, len);
    if (err) {
        free(out);
        return gatun_fail(lodepng_error_text(err));
    }
    return gatun_ok(out, (size_t)w * h * 4, w, h);
}

const gatun_result *gatun_encode(const uint8_t *rgba, uint32_t width, uint32_t height, uint32_t stride, int32_t quality) {
    (void)quality; /* lossless */
    if (width == 0 || height == 0 || stride < width * 4) return gatun_fail("bad image dimensions");
    uint8_t *owned;
    const uint8_t *px = gatun_packed(rgba, width, height, stride, &owned);
    if (!px) return gatun_fail("out of memory");
    unsigned char *out = 0;
    size_t size = 0;
    unsigned err = lodepng_encode32(&out, &size, px, width, height);
    free(owned);
    if (err) {
        free(out);
        return gatun_fail(lodepng_error_text(err));
    }
    return gatun_ok(out, size, width, height);
}
