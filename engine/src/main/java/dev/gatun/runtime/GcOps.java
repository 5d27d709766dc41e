package dev.gatun.runtime;

import dev.gatun.model.ArrayType;
import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.HeapType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValueType;

/**
 * What the GC instructions mean, for both tiers: null checks, array allocation, bounds and bulk operations,
 * casts. Element access by storage is {@link #index} then a plain Java array access at the caller.
 */
public final class GcOps {
    private GcOps() {}

    static final long[] NO_BITS = new long[0];
    static final Object[] NO_REFS = new Object[0];

    /** Storage kinds of array elements: which of {@link GcArray}'s arrays holds them. */
    public static final int S_I8 = 0, S_I16 = 1, S_I32 = 2, S_I64 = 3, S_V128 = 4, S_REF = 5;

    /** The storage kind of an array type's elements (f32 bits in an int[], f64 bits in a long[]). */
    public static int storage(FieldType f) {
        if (f.packed() == 8) return S_I8;
        if (f.packed() == 16) return S_I16;
        return switch (f.type().kind()) {
            case I32, F32 -> S_I32;
            case I64, F64 -> S_I64;
            case V128 -> S_V128;
            default -> S_REF;
        };
    }

    /** A struct of type {@code t} over fields laid out by its {@link GcLayout} (null arrays when it has none of a kind). */
    public static GcStruct newStruct(DefinedType t, long[] bits, Object[] refs) {
        return new GcStruct(t, bits == null ? NO_BITS : bits, refs == null ? NO_REFS : refs);
    }

    /** {@code ref.test} against defined type {@code d} (or null when {@code nullable}). */
    public static boolean test(Object v, DefinedType d, boolean nullable) {
        return test(v, (DEFINED + d.id()) << 1 | (nullable ? 1 : 0));
    }

    public static GcStruct struct(Object o) {
        if (o == null) throw new WasmTrap(TrapKind.NULL_STRUCTURE_REFERENCE);
        return (GcStruct) o;
    }

    public static GcArray array(Object o) {
        if (o == null) throw new WasmTrap(TrapKind.NULL_ARRAY_REFERENCE);
        return (GcArray) o;
    }

    public static int i31(Object o, boolean signed) {
        if (o == null) throw new WasmTrap(TrapKind.NULL_I31_REFERENCE);
        int v = ((I31) o).value;
        return signed ? v : v & 0x7FFF_FFFF;
    }

    /** Element {@code i} of {@code o} (null-checked), bounds-checked. */
    public static int index(GcArray a, int i) {
        if (Integer.compareUnsigned(i, a.length) >= 0) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_ARRAY);
        return i;
    }

    /** A new array of type {@code t}, every element zero or null; {@code length} is an unsigned i32. */
    public static GcArray allocate(DefinedType t, int length) {
        long n = length & 0xFFFF_FFFFL;
        int s = storage(((ArrayType) t.composite()).element());
        // The JVM's arrays stop short of 2^31 elements; a v128 array needs two longs each.
        if (n > (s == S_V128 ? (Integer.MAX_VALUE - 8) / 2 : Integer.MAX_VALUE - 8))
            throw new WasmTrap(TrapKind.RESOURCE_EXHAUSTED, "array of " + n + " elements");
        int len = (int) n;
        try {
            return switch (s) {
                case S_I8 -> new GcArray(t, len, new byte[len], null, null, null, null);
                case S_I16 -> new GcArray(t, len, null, new short[len], null, null, null);
                case S_I32 -> new GcArray(t, len, null, null, new int[len], null, null);
                case S_I64 -> new GcArray(t, len, null, null, null, new long[len], null);
                case S_V128 -> new GcArray(t, len, null, null, null, new long[2 * len], null);
                default -> new GcArray(t, len, null, null, null, null, new Object[len]);
            };
        } catch (OutOfMemoryError e) {
            throw new WasmTrap(TrapKind.RESOURCE_EXHAUSTED, "array of " + n + " elements: heap exhausted");
        }
    }

    /** {@code array.new}: {@code length} copies of a value (bits, the high half of a v128, or ref). */
    public static GcArray filled(DefinedType t, int length, long bits, long hi, Object ref) {
        GcArray a = allocate(t, length);
        fill(a, 0, bits, hi, ref, length);
        return a;
    }

    /** Element {@code i}'s raw bits (the low half of a v128), packed ones sign- or zero-extended. */
    public static long get(GcArray a, int i, boolean signed) {
        index(a, i);
        if (a.i8 != null) return signed ? a.i8[i] : a.i8[i] & 0xFF;
        if (a.i16 != null) return signed ? a.i16[i] : a.i16[i] & 0xFFFF;
        if (a.i32 != null) return a.i32[i];
        if (a.i64 != null) return a.i64.length == a.length ? a.i64[i] : a.i64[2 * i];
        throw new IllegalStateException("reference array");
    }

    /** The high half of v128 element {@code i} (bounds already checked by {@link #get}). */
    public static long getHi(GcArray a, int i) { return a.i64[2 * i + 1]; }

    public static Object getRef(GcArray a, int i) { return a.refs[index(a, i)]; }

    public static void set(GcArray a, int i, long bits, long hi, Object ref) {
        index(a, i);
        store(a, i, bits, hi, ref);
    }

    private static void store(GcArray a, int i, long bits, long hi, Object ref) {
        if (a.i8 != null) a.i8[i] = (byte) bits;
        else if (a.i16 != null) a.i16[i] = (short) bits;
        else if (a.i32 != null) a.i32[i] = (int) bits;
        else if (a.refs != null) a.refs[i] = ref;
        else if (a.i64.length == a.length) a.i64[i] = bits;
        else {
            a.i64[2 * i] = bits;
            a.i64[2 * i + 1] = hi;
        }
    }

    private static void range(long at, long n, long length, TrapKind kind) {
        if ((at & 0xFFFF_FFFFL) + (n & 0xFFFF_FFFFL) > length) throw new WasmTrap(kind);
    }

    /** {@code array.fill}. */
    public static void fill(GcArray a, int at, long bits, long hi, Object ref, int n) {
        range(at, n, a.length, TrapKind.OUT_OF_BOUNDS_ARRAY);
        if (a.i8 != null) java.util.Arrays.fill(a.i8, at, at + n, (byte) bits);
        else if (a.i16 != null) java.util.Arrays.fill(a.i16, at, at + n, (short) bits);
        else if (a.i32 != null) java.util.Arrays.fill(a.i32, at, at + n, (int) bits);
        else if (a.refs != null) java.util.Arrays.fill(a.refs, at, at + n, ref);
        else if (a.i64.length == a.length) java.util.Arrays.fill(a.i64, at, at + n, bits);
        else for (int i = at; i < at + n; i++) store(a, i, bits, hi, null);
    }

    /** {@code array.copy}: overlapping ranges copy as if through a buffer. */
    public static void copy(GcArray dst, int d, GcArray src, int s, int n) {
        range(d, n, dst.length, TrapKind.OUT_OF_BOUNDS_ARRAY);
        range(s, n, src.length, TrapKind.OUT_OF_BOUNDS_ARRAY);
        int w = dst.i64 != null && dst.i64.length != dst.length ? 2 : 1;
        Object from = data(src), to = data(dst);
        System.arraycopy(from, s * w, to, d * w, n * w);
    }

    private static Object data(GcArray a) {
        return a.i8 != null ? a.i8 : a.i16 != null ? a.i16 : a.i32 != null ? a.i32 : a.i64 != null ? a.i64 : a.refs;
    }

    /** Bytes per element of a numeric or vector array (for array.new_data and array.init_data). */
    private static int width(GcArray a) {
        return a.i8 != null ? 1 : a.i16 != null ? 2 : a.i32 != null ? 4 : a.i64.length == a.length ? 8 : 16;
    }

    /** {@code array.init_data}: elements from a data segment's bytes, little-endian. */
    public static void initData(GcArray a, int d, byte[] data, int s, int n) {
        range(d, n, a.length, TrapKind.OUT_OF_BOUNDS_ARRAY);
        int w = width(a);
        long bytes = (n & 0xFFFF_FFFFL) * w;
        if ((s & 0xFFFF_FFFFL) + bytes > data.length) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int at = s + i * w;
            switch (w) {
                case 1 -> a.i8[d + i] = data[at];
                case 2 -> a.i16[d + i] = b.getShort(at);
                case 4 -> a.i32[d + i] = b.getInt(at);
                case 8 -> a.i64[d + i] = b.getLong(at);
                default -> {
                    a.i64[2 * (d + i)] = b.getLong(at);
                    a.i64[2 * (d + i) + 1] = b.getLong(at + 8);
                }
            }
        }
    }

    /** {@code array.new_data}. */
    public static GcArray newData(DefinedType t, byte[] data, int s, int n) {
        int w = switch (storage(((ArrayType) t.composite()).element())) {
            case S_I8 -> 1;
            case S_I16 -> 2;
            case S_I32 -> 4;
            case S_I64 -> 8;
            default -> 16;
        };
        if ((s & 0xFFFF_FFFFL) + (n & 0xFFFF_FFFFL) * w > data.length) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        GcArray a = allocate(t, n);
        initData(a, 0, data, s, n);
        return a;
    }

    /** {@code array.init_elem}: references from an element segment. */
    public static void initElem(GcArray a, int d, Object[] elems, int s, int n) {
        range(d, n, a.length, TrapKind.OUT_OF_BOUNDS_ARRAY);
        range(s, n, elems.length, TrapKind.OUT_OF_BOUNDS_TABLE);
        System.arraycopy(elems, s, a.refs, d, n);
    }

    /** {@code array.new_elem}. */
    public static GcArray newElem(DefinedType t, Object[] elems, int s, int n) {
        range(s, n, elems.length, TrapKind.OUT_OF_BOUNDS_TABLE);
        GcArray a = allocate(t, n);
        System.arraycopy(elems, s, a.refs, 0, n);
        return a;
    }

    // ---------------------------------------------------------------- casts

    /** Heap codes of a cast target: the hierarchy's top and bottom, the abstract GC types, then defined types. */
    private static final int TOP = 0, BOTTOM = 1, EQ = 2, I31_ = 3, STRUCT = 4, ARRAY = 5, DEFINED = 6;

    /** A cast target as one int: bit 0 nullable, the rest its heap code. */
    public static int target(ValueType rt) {
        int heap = switch (rt.heap()) {
            case HeapType.Abstract a -> a.isBottom() ? BOTTOM : switch (a.code()) {
                case TypeCode.EQ -> EQ;
                case TypeCode.I31 -> I31_;
                case TypeCode.STRUCT -> STRUCT;
                case TypeCode.ARRAY -> ARRAY;
                default -> TOP;
            };
            case HeapType.Defined d -> DEFINED + d.type().id();
            case HeapType.Rec r -> throw new IllegalArgumentException("unresolved " + r);
        };
        return heap << 1 | (rt.nullable() ? 1 : 0);
    }

    /** {@code ref.test}: whether {@code v} (of the target's hierarchy, which validation ensured) has the target type. */
    public static boolean test(Object v, int target) {
        if (v == null) return (target & 1) != 0;
        int heap = target >>> 1;
        return switch (heap) {
            case TOP -> true;
            case BOTTOM -> false;
            case EQ -> v instanceof GcStruct || v instanceof GcArray || v instanceof I31;
            case I31_ -> v instanceof I31;
            case STRUCT -> v instanceof GcStruct;
            case ARRAY -> v instanceof GcArray;
            default -> {
                DefinedType d = DefinedType.byId(heap - DEFINED);
                DefinedType t = v instanceof GcStruct s ? s.type : v instanceof GcArray a ? a.type
                        : v instanceof Typed f ? f.deftype() : null;
                yield t != null && t.isSubtypeOf(d);
            }
        };
    }

    /** {@code ref.cast}. */
    public static Object cast(Object v, int target) {
        if (!test(v, target)) throw new WasmTrap(TrapKind.CAST_FAILURE);
        return v;
    }

    /** {@code ref.eq}: identity, and equal values for i31. */
    public static boolean eq(Object a, Object b) {
        return a == b || a instanceof I31 x && x.equals(b);
    }
}
