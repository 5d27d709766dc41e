package dev.gatun.binary;

/**
 * Strict UTF-8 decoding of names: rejects overlong forms, surrogates, code points above U+10FFFF and
 * truncated sequences, as the spec's {@code name} production requires ("malformed UTF-8 encoding").
 */
final class Utf8 {
    private Utf8() {}

    /** Decodes {@code buf[from, from+len)}; errors are reported at {@code at} through {@code r}. */
    static String decode(byte[] buf, int from, int len, WasmReader r, long at) {
        int end = from + len;
        boolean ascii = true;
        for (int i = from; i < end; i++) {
            if (buf[i] < 0) { ascii = false; break; }
        }
        if (ascii) return new String(buf, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder sb = new StringBuilder(len);
        int i = from;
        while (i < end) {
            int b0 = buf[i] & 0xFF;
            int cp, n;
            if (b0 < 0x80) { cp = b0; n = 1; }
            else if (b0 >= 0xC2 && b0 <= 0xDF) { cp = b0 & 0x1F; n = 2; }
            else if (b0 >= 0xE0 && b0 <= 0xEF) { cp = b0 & 0x0F; n = 3; }
            else if (b0 >= 0xF0 && b0 <= 0xF4) { cp = b0 & 0x07; n = 4; }
            else throw r.malformedAt(at + (i - from), "malformed UTF-8 encoding");
            if (i + n > end) throw r.malformedAt(at + (i - from), "malformed UTF-8 encoding");
            for (int k = 1; k < n; k++) {
                int b = buf[i + k] & 0xFF;
                if ((b & 0xC0) != 0x80) throw r.malformedAt(at + (i - from), "malformed UTF-8 encoding");
                cp = cp << 6 | (b & 0x3F);
            }
            boolean bad = switch (n) {
                case 3 -> cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF);
                case 4 -> cp < 0x10000 || cp > 0x10FFFF;
                default -> false;
            };
            if (bad) throw r.malformedAt(at + (i - from), "malformed UTF-8 encoding");
            sb.appendCodePoint(cp);
            i += n;
        }
        return sb.toString();
    }
}
