package dev.gatun.bench.imaging;

/**
 * The bundled filters (imaging/src/main/c/filters.c) written in plain Java, same integer arithmetic: the
 * benchmark's "what if we had not used wasm at all" row. Setup checks they agree with the wasm build.
 */
final class JavaFilters {
    private JavaFilters() { }

    static void grayscale(byte[] px, int w, int h, int stride) {
        for (int y = 0; y < h; y++) {
            for (int x = 0, p = y * stride; x < w; x++, p += 4) {
                int l = (77 * (px[p] & 0xFF) + 150 * (px[p + 1] & 0xFF) + 29 * (px[p + 2] & 0xFF) + 128) >> 8;
                px[p] = px[p + 1] = px[p + 2] = (byte) l;
            }
        }
    }

    static void blur(byte[] px, int w, int h, int stride, int r) {
        byte[] line = new byte[Math.max(w, h)];
        for (int y = 0; y < h; y++) for (int c = 0; c < 3; c++) blurLine(px, y * stride + c, 4, w, r, line);
        for (int x = 0; x < w; x++) for (int c = 0; c < 3; c++) blurLine(px, x * 4 + c, stride, h, r, line);
    }

    private static void blurLine(byte[] px, int base, int step, int n, int r, byte[] line) {
        for (int i = 0; i < n; i++) line[i] = px[base + i * step];
        int window = 2 * r + 1;
        int sum = (r + 1) * (line[0] & 0xFF);
        for (int i = 1; i <= r; i++) sum += line[Math.min(i, n - 1)] & 0xFF;
        for (int i = 0; i < n; i++) {
            px[base + i * step] = (byte) ((sum + r) / window);
            int out = Math.max(i - r, 0), in = Math.min(i + r + 1, n - 1);
            sum += (line[in] & 0xFF) - (line[out] & 0xFF);
        }
    }
}
