package dev.gatun.text;

/** Literals of the text format written exactly: strings, identifiers and floats (hex, so no rounding). */
final class PrintText {
    private PrintText() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A string literal of these bytes: printable ASCII as itself, the rest as {@code \hh} (always exact, any bytes). */
    static void string(StringBuilder sb, byte[] bytes, int from, int to) {
        sb.append('"');
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (b >= 0x20 && b < 0x7F) sb.append((char) b);
                    else sb.append('\\').append(HEX[b >> 4]).append(HEX[b & 15]);
                }
            }
        }
        sb.append('"');
    }

    static String string(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(b.length + 2);
        string(sb, b, 0, b.length);
        return sb.toString();
    }

    /** The characters the text format allows in a bare {@code $id}. */
    static boolean isIdChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }

    /** {@code $name}, or the quoted {@code $"..."} form of Wasm 3.0 when the name has other characters. */
    static String id(String name) {
        boolean bare = !name.isEmpty();
        for (int i = 0; i < name.length() && bare; i++) bare = isIdChar(name.charAt(i));
        return bare ? "$" + name : "$" + string(name);
    }

    static String f32(int bits) {
        String sign = bits < 0 ? "-" : "";
        int exp = bits >>> 23 & 0xFF;
        int mant = bits & 0x7F_FFFF;
        if (exp == 0xFF) {
            if (mant == 0) return sign + "inf";
            return mant == 0x40_0000 ? sign + "nan" : sign + "nan:0x" + Integer.toHexString(mant);
        }
        // 23 fraction bits shifted to 24 make six whole hex digits.
        return hexFloat(sign, exp == 0, mant == 0 && exp == 0, Long.toHexString((long) mant << 1 | 1L << 24).substring(1),
                exp == 0 ? -126 : exp - 127);
    }

    static String f64(long bits) {
        String sign = bits < 0 ? "-" : "";
        int exp = (int) (bits >>> 52 & 0x7FF);
        long mant = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exp == 0x7FF) {
            if (mant == 0) return sign + "inf";
            return mant == 0x8_0000_0000_0000L ? sign + "nan" : sign + "nan:0x" + Long.toHexString(mant);
        }
        return hexFloat(sign, exp == 0, mant == 0 && exp == 0, Long.toHexString(mant | 1L << 52).substring(1),
                exp == 0 ? -1022 : exp - 1023);
    }

    private static String hexFloat(String sign, boolean subnormal, boolean zero, String digits, int exp) {
        if (zero) return sign + "0x0p+0";
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') end--;
        String frac = end == 0 ? "" : "." + digits.substring(0, end);
        return sign + (subnormal ? "0x0" : "0x1") + frac + "p" + (exp >= 0 ? "+" : "") + exp;
    }
}
