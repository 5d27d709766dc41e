package dev.gatun.cli;

import dev.gatun.ValType;
import dev.gatun.Value;

import java.math.BigInteger;
import java.util.Locale;

/** Command-line text of Wasm values: parsing arguments by param type, printing results (wasmtime's conventions). */
final class ValueText {
    private ValueText() {}

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Parses {@code text} as a value of {@code type}; integers may be signed or the unsigned bit pattern. */
    static Value parse(ValType type, String text) {
        String s = text.strip();
        try {
            return switch (type) {
                case I32 -> {
                    long v = parseInteger(s).longValueExact();
                    if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) throw new NumberFormatException();
                    yield Value.i32((int) v);
                }
                case I64 -> {
                    BigInteger v = parseInteger(s);
                    if (v.bitLength() > 64 || v.compareTo(TWO_64) >= 0) throw new NumberFormatException();
                    yield Value.i64(v.longValue());
                }
                case F32 -> Value.f32(Float.parseFloat(floatSyntax(s)));
                case F64 -> Value.f64(Double.parseDouble(floatSyntax(s)));
                case V128 -> parseV128(s);
                case FUNCREF -> {
                    if (!s.equals("null")) throw new NumberFormatException();
                    yield Value.funcref(null);
                }
                case EXTERNREF -> {
                    if (!s.equals("null")) throw new NumberFormatException();
                    yield Value.externref(null);
                }
                case ANYREF -> {
                    if (!s.equals("null")) throw new NumberFormatException();
                    yield Value.anyref(null);
                }
                case EXNREF -> {
                    if (!s.equals("null")) throw new NumberFormatException();
                    yield Value.exnref(null);
                }
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot parse '" + text + "' as " + type + hint(type));
        }
    }

    private static String hint(ValType type) {
        return switch (type) {
            case I32, I64 -> " (a decimal or 0x-prefixed hex integer)";
            case F32, F64 -> " (a decimal number, inf, -inf or nan)";
            case V128 -> " (0x followed by 32 hex digits)";
            case FUNCREF, EXTERNREF, ANYREF, EXNREF -> " (only null can be given on the command line)";
        };
    }

    private static BigInteger parseInteger(String s) {
        boolean neg = s.startsWith("-");
        String digits = neg || s.startsWith("+") ? s.substring(1) : s;
        digits = digits.replace("_", "");
        BigInteger v = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
        return neg ? v.negate() : v;
    }

    /** Accepts the Wasm text spellings {@code inf} and {@code nan} besides Java's. */
    private static String floatSyntax(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "nan", "+nan", "-nan" -> "NaN";
            case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
            case "-inf", "-infinity" -> "-Infinity";
            default -> {
                if (l.endsWith("d") || l.endsWith("f")) throw new NumberFormatException(); // Java suffixes are not Wasm syntax
                yield s;
            }
        };
    }

    private static Value parseV128(String s) {
        if (!(s.startsWith("0x") || s.startsWith("0X")) || s.length() != 34) throw new NumberFormatException();
        long hi = Long.parseUnsignedLong(s.substring(2, 18), 16);
        long lo = Long.parseUnsignedLong(s.substring(18), 16);
        return Value.v128(lo, hi);
    }

    /** Integers in signed decimal, floats as Java prints them, v128 as 0x and 32 hex digits. */
    static String format(Value v) {
        return switch (v) {
            case Value.I32 a -> Integer.toString(a.value());
            case Value.I64 a -> Long.toString(a.value());
            case Value.F32 a -> Float.toString(a.value());
            case Value.F64 a -> Double.toString(a.value());
            case Value.V128 a -> String.format("0x%016x%016x", a.hi(), a.lo());
            case Value.FuncRef a -> a.isNull() ? "null" : "<funcref>";
            case Value.ExternRef a -> a.isNull() ? "null" : "<externref>";
            case Value.AnyRef a -> a.isNull() ? "null" : "<anyref>";
            case Value.ExnRef a -> a.isNull() ? "null" : "<exnref>";
        };
    }
}
