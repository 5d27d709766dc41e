/*
 * grayscale: reads a binary PPM (P6) picture, converts it to luminance (ITU-R BT.601 weights), smooths
 * it with a separable box blur of the given radius, and writes a binary PGM (P5).
 * A WASI command: file access goes through the directories the runtime preopens.
 * usage: grayscale IN.ppm OUT.pgm [RADIUS]
 */
#include <stdio.h>
#include <stdlib.h>

static int token(FILE *f) { /* next header integer, skipping whitespace and # comments */
    int c = fgetc(f);
    for (;;) {
        while (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = fgetc(f);
        if (c != '#') break;
        while (c != '\n' && c != EOF) c = fgetc(f);
    }
    int v = 0, digits = 0;
    while (c >= '0' && c <= '9') { v = v * 10 + (c - '0'); digits++; c = fgetc(f); }
    return digits ? v : -1;
}

static void blur_line(const unsigned char *src, unsigned char *dst, int n, int stride, int r) {
    /* running sum over a window clamped at the edges */
    long sum = 0;
    for (int i = -r; i <= r; i++) sum += src[(i < 0 ? 0 : i >= n ? n - 1 : i) * stride];
    for (int i = 0; i < n; i++) {
        dst[i * stride] = (unsigned char)((sum + r) / (2 * r + 1));
        int out = i - r, in = i + r + 1;
        sum += src[(in >= n ? n - 1 : in) * stride] - src[(out < 0 ? 0 : out) * stride];
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: grayscale IN.ppm OUT.pgm [RADIUS]\n");
        return 2;
    }
    int radius = argc > 3 ? atoi(argv[3]) : 2;
    if (radius < 0 || radius > 64) { fprintf(stderr, "grayscale: radius must be 0..64\n"); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 1; }
    if (fgetc(in) != 'P' || fgetc(in) != '6') { fprintf(stderr, "grayscale: %s is not a binary PPM\n", argv[1]); return 1; }
    int w = token(in), h = token(in), maxval = token(in);
    if (w <= 0 || h <= 0 || maxval != 255 || (long)w * h > 64L * 1024 * 1024) {
        fprintf(stderr, "grayscale: unsupported PPM header\n");
        return 1;
    }
    size_t n = (size_t)w * h;
    unsigned char *rgb = malloc(n * 3), *gray = malloc(n), *tmp = malloc(n);
    if (!rgb || !gray || !tmp) { fprintf(stderr, "grayscale: out of memory\n"); return 1; }
    if (fread(rgb, 3, n, in) != n) { fprintf(stderr, "grayscale: truncated pixel data\n"); return 1; }
    fclose(in);

    unsigned long long total = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned y = (299u * rgb[3 * i] + 587u * rgb[3 * i + 1] + 114u * rgb[3 * i + 2] + 500) / 1000;
        gray[i] = (unsigned char)y;
        total += y;
    }
    if (radius > 0) {
        for (int y = 0; y < h; y++) blur_line(gray + (size_t)y * w, tmp + (size_t)y * w, w, 1, radius);
        for (int x = 0; x < w; x++) blur_line(tmp + x, gray + x, h, w, radius);
    }

    FILE *out = fopen(argv[2], "wb");
    if (!out) { perror(argv[2]); return 1; }
    fprintf(out, "P5\n%d %d\n255\n", w, h);
    if (fwrite(gray, 1, n, out) != n || fclose(out) != 0) { perror(argv[2]); return 1; }
    printf("grayscale: %s (%dx%d, mean luminance %llu) -> %s, box blur radius %d\n",
           argv[1], w, h, total / n, argv[2], radius);
    return 0;
}
