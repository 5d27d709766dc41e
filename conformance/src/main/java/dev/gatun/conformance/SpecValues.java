package dev.gatun.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatun.Value;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes wast2json values (all numbers are strings of unsigned bit patterns) and checks results against
 * expected values: floats by bits, NaN classes, v128 lane by lane in the expected lane shape.
 * One instance per script, because {@code externref N} must map to one host object per N within a script.
 */
final class SpecValues {
    /** The host object a script's {@code (ref.extern N)} stands for; equal exactly when N is. */
    record HostRef(long n) {
        @Override
        public String toString() { return "ref.extern " + n; }
    }

    private final Map<Long, HostRef> hostRefs = new HashMap<>();

    private HostRef hostRef(long n) { return hostRefs.computeIfAbsent(n, HostRef::new); }

    /** An argument value. */
    Value arg(JsonNode v) {
        String type = v.path("type").asText();
        JsonNode val = v.get("value");
        if (val == null) throw new SpecFormatException("argument of type " + type + " has no value");
        return switch (type) {
            case "i32" -> Value.i32(Integer.parseUnsignedInt(val.asText()));
            case "i64" -> Value.i64(Long.parseUnsignedLong(val.asText()));
            case "f32" -> Value.f32Bits(Integer.parseUnsignedInt(val.asText()));
            case "f64" -> Value.f64Bits(Long.parseUnsignedLong(val.asText()));
            case "v128" -> v128(v.path("lane_type").asText(), val);
            case "funcref" -> {
                if (!"null".equals(val.asText()))
                    throw new SpecFormatException("non-null funcref argument cannot be made by a script");
                yield Value.funcref(null);
            }
            case "externref" -> "null".equals(val.asText()) ? Value.externref(null)
                    : Value.externref(hostRef(Long.parseLong(val.asText())));
            case "exnref" -> {
                if (!"null".equals(val.asText())) throw new SpecFormatException("non-null exnref argument cannot be made by a script");
                yield Value.exnref(null);
            }
            case "anyref", "eqref", "i31ref", "structref", "arrayref", "noneref", "typeref" -> {
                if (!"null".equals(val.asText()))
                    throw new SpecFormatException("non-null " + type + " argument cannot be made by a script");
                yield Value.anyref(null);
            }
            default -> throw new SpecFormatException("unknown value type " + type);
        };
    }

    private static Value v128(String laneType, JsonNode lanes) {
        int width = laneWidth(laneType);
        if (!lanes.isArray() || lanes.size() * width != 16)
            throw new SpecFormatException("v128 " + laneType + " needs " + 16 / width + " lanes");
        byte[] b = new byte[16];
        for (int i = 0; i < lanes.size(); i++) {
            long bits = Long.parseUnsignedLong(lanes.get(i).asText());
            for (int k = 0; k < width; k++) b[i * width + k] = (byte) (bits >>> (8 * k));
        }
        return Value.v128(le64(b, 0), le64(b, 8));
    }

    private static long le64(byte[] b, int off) {
        long r = 0;
        for (int k = 7; k >= 0; k--) r = (r << 8) | (b[off + k] & 0xFF);
        return r;
    }

    private static int laneWidth(String laneType) {
        return switch (laneType) {
            case "i8" -> 1;
            case "i16" -> 2;
            case "i32", "f32" -> 4;
            case "i64", "f64" -> 8;
            default -> throw new SpecFormatException("unknown v128 lane_type " + laneType);
        };
    }

    /** Null when {@code actual} matches {@code expected}, else why not. */
    String mismatch(JsonNode expected, Value actual) {
        String type = expected.path("type").asText();
        if (actual == null) return "expected " + type + ", got null";
        if (type.equals("refnull")) { // .wast (ref.null) without a type: any null reference
            boolean isNull = actual instanceof Value.FuncRef f ? f.isNull() : actual instanceof Value.ExternRef x ? x.isNull()
                    : actual instanceof Value.AnyRef y ? y.isNull() : actual instanceof Value.ExnRef e && e.isNull();
            return isNull ? null : "expected a null reference, got " + format(actual);
        }
        if (GC_RESULTS.contains(type)) return gcMismatch(type, expected.path("value").asText(), actual);
        if (type.equals("externref") && actual instanceof Value.AnyRef a && expected.path("value").asText().matches("\\d+"))
            // (ref.host n) as an anyref result: the host value internalized (any.convert_extern keeps it).
            return hostRef(expected.path("value").asLong()).equals(a.reference()) ? null : "expected " + describe(expected) + ", got " + format(actual);
        if (!type.equals(actual.type().toString()))
            return "expected " + describe(expected) + ", got " + format(actual);
        JsonNode val = expected.get("value");
        if (val == null) return null; // type-only expectation
        boolean ok = switch (actual) {
            case Value.I32 a -> a.value() == Integer.parseUnsignedInt(val.asText());
            case Value.I64 a -> a.value() == Long.parseUnsignedLong(val.asText());
            case Value.F32 a -> f32Matches(val.asText(), a.bits());
            case Value.F64 a -> f64Matches(val.asText(), a.bits());
            case Value.V128 a -> v128Matches(expected.path("lane_type").asText(), val, a);
            case Value.FuncRef a -> "null".equals(val.asText()) ? a.isNull() : !a.isNull();
            case Value.ExternRef a -> "null".equals(val.asText()) ? a.isNull()
                    : "non-null".equals(val.asText()) ? !a.isNull() // .wast (ref.extern) without a number
                    : hostRef(Long.parseLong(val.asText())).equals(a.object());
            case Value.AnyRef a -> "null".equals(val.asText()) == a.isNull();
            case Value.ExnRef a -> "null".equals(val.asText()) == a.isNull();
        };
        return ok ? null : "expected " + describe(expected) + ", got " + format(actual);
    }

    /** Result types of the any hierarchy; typeref is a (ref.null $t), whatever hierarchy $t is in. */
    private static final java.util.Set<String> GC_RESULTS = java.util.Set.of("anyref", "eqref", "i31ref", "structref", "arrayref",
            "noneref", "typeref", "nullfuncref", "nullexternref");

    /**
     * A GC result: null, or a non-null reference of the kind the script names. Java sees GC objects only
     * as opaque {@link Value.AnyRef}s; their printed form says which kind (struct, array, i31) they are.
     */
    private static String gcMismatch(String type, String val, Value actual) {
        boolean isNull = actual instanceof Value.FuncRef f ? f.isNull() : actual instanceof Value.ExternRef x ? x.isNull()
                : actual instanceof Value.AnyRef a ? a.isNull() : actual instanceof Value.ExnRef e && e.isNull();
        if ("null".equals(val)) return isNull ? null : "expected " + type + " null, got " + format(actual);
        if (isNull || !(actual instanceof Value.AnyRef a)) return "expected a non-null " + type + ", got " + format(actual);
        String shown = String.valueOf(a.reference());
        boolean ok = switch (type) {
            case "eqref" -> shown.equals("(ref struct)") || shown.equals("(ref array)") || shown.startsWith("(ref.i31 ");
            case "i31ref" -> shown.startsWith("(ref.i31 ");
            case "structref" -> shown.equals("(ref struct)");
            case "arrayref" -> shown.equals("(ref array)");
            default -> true;
        };
        return ok ? null : "expected a non-null " + type + ", got " + format(actual);
    }

    static boolean f32Matches(String expected, int bits) {
        return switch (expected) {
            case "nan:canonical" -> (bits & 0x7fffffff) == 0x7fc00000;
            case "nan:arithmetic" -> (bits & 0x7fc00000) == 0x7fc00000;
            default -> bits == Integer.parseUnsignedInt(expected);
        };
    }

    static boolean f64Matches(String expected, long bits) {
        return switch (expected) {
            case "nan:canonical" -> (bits & 0x7fffffffffffffffL) == 0x7ff8000000000000L;
            case "nan:arithmetic" -> (bits & 0x7ff8000000000000L) == 0x7ff8000000000000L;
            default -> bits == Long.parseUnsignedLong(expected);
        };
    }

    private static boolean v128Matches(String laneType, JsonNode lanes, Value.V128 actual) {
        int width = laneWidth(laneType);
        if (!lanes.isArray() || lanes.size() * width != 16) return false;
        for (int i = 0; i < lanes.size(); i++) {
            long lane = lane(actual, i, width);
            String e = lanes.get(i).asText();
            boolean ok = switch (laneType) {
                case "f32" -> f32Matches(e, (int) lane);
                case "f64" -> f64Matches(e, lane);
                default -> lane == (Long.parseUnsignedLong(e) & mask(width));
            };
            if (!ok) return false;
        }
        return true;
    }

    private static long mask(int width) { return width == 8 ? -1L : (1L << (8 * width)) - 1; }

    private static long lane(Value.V128 v, int index, int width) {
        int byteOff = index * width;
        long word = byteOff < 8 ? v.lo() : v.hi();
        return (word >>> (8 * (byteOff % 8))) & mask(width);
    }

    /** A readable form of an expected value, for failure messages. */
    static String describe(JsonNode expected) {
        String type = expected.path("type").asText();
        JsonNode val = expected.get("value");
        if (val == null) return type;
        if (type.equals("v128")) return "v128 " + expected.path("lane_type").asText() + " " + val;
        return type + ":" + val.asText();
    }

    /** A readable form of an actual value: raw bits in hex for floats, so NaN payloads show. */
    static String format(Value v) {
        return switch (v) {
            case Value.I32 a -> "i32:" + Integer.toUnsignedString(a.value());
            case Value.I64 a -> "i64:" + Long.toUnsignedString(a.value());
            case Value.F32 a -> "f32:" + Integer.toUnsignedString(a.bits()) + " (" + a.value() + ")";
            case Value.F64 a -> "f64:" + Long.toUnsignedString(a.bits()) + " (" + a.value() + ")";
            case Value.V128 a -> String.format("v128:0x%016x%016x", a.hi(), a.lo());
            case Value.FuncRef a -> a.isNull() ? "funcref:null" : "funcref:" + a.function();
            case Value.ExternRef a -> a.isNull() ? "externref:null" : "externref:" + a.object();
            case Value.AnyRef a -> a.isNull() ? "anyref:null" : "anyref:" + a.reference();
            case Value.ExnRef a -> a.isNull() ? "exnref:null" : "exnref";
        };
    }

    /** The JSON does not say what this runner expects. */
    static final class SpecFormatException extends RuntimeException {
        SpecFormatException(String message) { super(message); }
    }
}
