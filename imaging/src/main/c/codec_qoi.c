/* QOI through the reference qoi.h: decode to RGBA8, encode RGBA8 (sRGB, 4 channels). */
#define QOI_IMPLEMENTATION
#define QOI_NO_STDIO
#include "third_party/qoi/qoi.h"
#include "gatun_image.h"
#include <stdlib.h>

const gatun_result *gatun_decode(const uint8_t *in, uint32_t len) {
    qoi_desc desc;
    void *px = qoi_decode(in, (int)len, &desc, 4);
    if (!px) return gatun_fail("not a valid QOI image");
    return gatun_ok(px, (size_t)desc.width * desc.height * 4, desc.width, desc.height);
}

const gatun_result *gatun_encode(const uint8_t *rgba, uint32_t width, uint32_t height, uint32_t stride, int32_t quality) {
    (void)quality; /* lossless */
    if (width == 0 || height == 0 || stride < width * 4) return gatun_fail("bad image dimensions");
    uint8_t *owned;
    const uint8_t *px = gatun_packed(rgba, width, height, stride, &owned);
    if (!px) return gatun_fail("out of memory");
    qoi_desc desc = {width, height, 4, QOI_SRGB};
    int size = 0;
    void *out = qoi_encode(px, &desc, &size);
    free(owned);
    if (!out) return gatun_fail("QOI cannot encode this image (too large?)");
    return gatun_ok(out, (size_t)size, width, height);
}
