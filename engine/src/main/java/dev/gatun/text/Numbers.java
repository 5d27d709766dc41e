package dev.gatun.text;

/**
 * The numeric literals of the text format: naturals, integers (sign and hex allowed, underscores between
 * digits), and floats (decimal, hex, {@code inf}, {@code nan}, {@code nan:0x...}) to exact bit patterns.
 * A literal of the right shape but too large for its type is "constant out of range", as the spec says.
 */
public final class Numbers {
    private Numbers() {}

    static final String RANGE = "constant out of range";

    /** Whether the atom can start a number at all (a NUM token, or inf/nan keywords for floats). */
    static boolean isNumber(SExpr a) { return a.kind == SExpr.Kind.NUM; }

    public static boolean isFloatLiteral(SExpr a) {
        return a.kind == SExpr.Kind.NUM || (a.kind == SExpr.Kind.KEYWORD && (a.text.equals("inf") || a.text.equals("nan") || a.text.startsWith("nan:0x")));
    }

    /** An unsigned literal without sign, at most {@code max} (unsigned compare). */
    public static long nat(SExpr a, long max) {
        if (a.kind != SExpr.Kind.NUM) throw TextError.at(a, "unexpected token " + a);
        String s = a.text;
        char c = s.charAt(0);
        if (c == '+' || c == '-') throw TextError.at(a, "unexpected token " + s);
        long v = unsigned(a, s, 0);
        if (Long.compareUnsigned(v, max) > 0) throw TextError.at(a, RANGE);
        return v;
    }

    public static int u32(SExpr a) { return (int) nat(a, 0xFFFF_FFFFL); }

    /** An iN literal ({@code bits} 8..64): signed or unsigned form, returned sign-agnostic in the low bits. */
    public static long integer(SExpr a, int bits) {
        if (a.kind != SExpr.Kind.NUM) throw TextError.at(a, "unexpected token " + a);
        String s = a.text;
        char c = s.charAt(0);
        boolean neg = c == '-';
        int from = (c == '+' || c == '-') ? 1 : 0;
        long mag = unsigned(a, s, from);
        if (neg) {
            // -2^(N-1) .. -0
            long limit = bits == 64 ? Long.MIN_VALUE : 1L << (bits - 1);
            if (Long.compareUnsigned(mag, limit) > 0) throw TextError.at(a, RANGE);
            return -mag;
        }
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        if (Long.compareUnsigned(mag, max) > 0) throw TextError.at(a, RANGE);
        return mag;
    }

    /** Digits from {@code from}: decimal or 0x hex, underscores only between digits; fails on overflow of u64. */
    private static long unsigned(SExpr a, String s, int from) {
        int base = 10;
        int i = from;
        if (s.startsWith("0x", i)) {
            base = 16;
            i += 2;
        }
        if (i >= s.length()) throw TextError.at(a, "unknown operator " + s);
        long acc = 0;
        boolean overflow = false, prevDigit = false;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '_') {
                if (!prevDigit || i + 1 >= s.length()) throw TextError.at(a, "unknown operator " + s);
                prevDigit = false;
                continue;
            }
            int d = digit(ch, base);
            if (d < 0) throw TextError.at(a, "unknown operator " + s);
            prevDigit = true;
            if (Long.compareUnsigned(acc, Long.divideUnsigned(-1L - d, base)) > 0) overflow = true;
            acc = acc * base + d;
        }
        if (!prevDigit) throw TextError.at(a, "unknown operator " + s);
        if (overflow) throw TextError.at(a, RANGE);
        return acc;
    }

    private static int digit(char ch, int base) {
        int d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F') d = ch - 'A' + 10;
        else return -1;
        return d < base ? d : -1;
    }

    public static int f32(SExpr a) { return (int) floatBits(a, false); }

    public static long f64(SExpr a) { return floatBits(a, true); }

    private static long floatBits(SExpr a, boolean dbl) {
        if (!isFloatLiteral(a)) throw TextError.at(a, "unexpected token " + a);
        String s = a.text;
        boolean neg = s.charAt(0) == '-';
        int from = (s.charAt(0) == '+' || neg) ? 1 : 0;
        String body = s.substring(from);
        long sign = neg ? (dbl ? Long.MIN_VALUE : 0x8000_0000L) : 0;
        if (body.equals("inf")) return sign | (dbl ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L);
        if (body.equals("nan")) return sign | (dbl ? 0x7FF8_0000_0000_0000L : 0x7FC0_0000L);
        if (body.startsWith("nan:0x")) {
            long payload = unsigned(a, body, 4);
            long max = dbl ? (1L << 52) - 1 : (1L << 23) - 1;
            if (payload == 0 || Long.compareUnsigned(payload, max) > 0) throw TextError.at(a, RANGE);
            return sign | (dbl ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L) | payload;
        }
        String java = javaFloat(a, body);
        double d;
        float f;
        try {
            if (dbl) {
                d = Double.parseDouble(java);
                if (Double.isInfinite(d)) throw TextError.at(a, RANGE);
                return sign | Double.doubleToRawLongBits(d);
            }
            f = Float.parseFloat(java);
        } catch (NumberFormatException e) {
            throw TextError.at(a, "unknown operator " + s);
        }
        if (Float.isInfinite(f)) throw TextError.at(a, RANGE);
        return sign | (Float.floatToRawIntBits(f) & 0xFFFF_FFFFL);
    }

    /** Checks the spec's float syntax (unsigned part) and rewrites it in a form Java parses exactly. */
    private static String javaFloat(SExpr a, String b) {
        boolean hex = b.startsWith("0x");
        int base = hex ? 16 : 10;
        StringBuilder out = new StringBuilder(b.length() + 4);
        int i = 0;
        if (hex) {
            out.append("0x");
            i = 2;
        }
        i = digits(a, b, i, base, out, true);
        boolean exp = false;
        if (i < b.length() && b.charAt(i) == '.') {
            out.append('.');
            i++;
            if (i < b.length() && digit(b.charAt(i), base) >= 0) i = digits(a, b, i, base, out, true);
        }
        if (i < b.length()) {
            char e = b.charAt(i);
            if (hex ? (e == 'p' || e == 'P') : (e == 'e' || e == 'E')) {
                out.append(hex ? 'p' : 'e');
                i++;
                if (i < b.length() && (b.charAt(i) == '+' || b.charAt(i) == '-')) out.append(b.charAt(i++));
                StringBuilder ex = new StringBuilder();
                i = digits(a, b, i, 10, ex, true);
                // Exponents beyond int range overflow Java's parser; clamp, the value is already 0 or infinite.
                String es = ex.toString().replaceFirst("^0+(?=.)", "");
                out.append(es.length() > 9 ? "999999999" : es);
                exp = true;
            }
        }
        if (i != b.length()) throw TextError.at(a, "unknown operator " + a.text);
        if (hex && !exp) out.append("p0");
        return out.toString();
    }

    private static int digits(SExpr a, String b, int i, int base, StringBuilder out, boolean required) {
        int start = i;
        boolean prevDigit = false;
        for (; i < b.length(); i++) {
            char ch = b.charAt(i);
            if (ch == '_') {
                if (!prevDigit || i + 1 >= b.length() || digit(b.charAt(i + 1), base) < 0) throw TextError.at(a, "unknown operator " + a.text);
                prevDigit = false;
                continue;
            }
            if (digit(ch, base) < 0) break;
            out.append(ch);
            prevDigit = true;
        }
        if (required && i == start) throw TextError.at(a, "unknown operator " + a.text);
        return i;
    }
}
