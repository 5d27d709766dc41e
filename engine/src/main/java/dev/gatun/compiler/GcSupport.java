package dev.gatun.compiler;

import dev.gatun.interpreter.InstanceState;
import dev.gatun.model.DefinedType;
import dev.gatun.runtime.GcArray;
import dev.gatun.runtime.GcOps;
import dev.gatun.runtime.GcStruct;
import dev.gatun.runtime.I31;

/**
 * What compiled GC instructions call: operands in the order the JVM stack holds them, then the instance and
 * immediates. Types come from the instance's module by index, so generated code holds no process-specific
 * type ids (the class cache shares it across processes). Semantics are {@link GcOps}', shared with tier 1.
 */
public final class GcSupport {
    private GcSupport() {}

    public static DefinedType type(InstanceState inst, int typeidx) { return inst.module.types().get(typeidx); }

    public static GcStruct struct(Object o) { return GcOps.struct(o); }

    public static Object newStruct(DefinedType t, long[] bits, Object[] refs) { return GcOps.newStruct(t, bits, refs); }

    // ---- arrays: new ----

    public static Object newDefault(int n, InstanceState inst, int x) { return GcOps.allocate(type(inst, x), n); }

    public static Object newI(int v, int n, InstanceState inst, int x) { return GcOps.filled(type(inst, x), n, v, 0, null); }

    public static Object newJ(long v, int n, InstanceState inst, int x) { return GcOps.filled(type(inst, x), n, v, 0, null); }

    public static Object newF(float v, int n, InstanceState inst, int x) {
        return GcOps.filled(type(inst, x), n, Float.floatToRawIntBits(v), 0, null);
    }

    public static Object newD(double v, int n, InstanceState inst, int x) {
        return GcOps.filled(type(inst, x), n, Double.doubleToRawLongBits(v), 0, null);
    }

    public static Object newA(Object v, int n, InstanceState inst, int x) { return GcOps.filled(type(inst, x), n, 0, 0, v); }

    public static Object newData(int s, int n, InstanceState inst, int x, int seg) {
        return GcOps.newData(type(inst, x), inst.datas[seg], s, n);
    }

    public static Object newElem(int s, int n, InstanceState inst, int x, int seg) {
        return GcOps.newElem(type(inst, x), inst.elems[seg], s, n);
    }

    // ---- arrays: get, by storage ----

    private static GcArray at(Object a, int i) {
        GcArray x = GcOps.array(a);
        GcOps.index(x, i);
        return x;
    }

    public static int getI8S(Object a, int i) { return at(a, i).i8[i]; }

    public static int getI8U(Object a, int i) { return at(a, i).i8[i] & 0xFF; }

    public static int getI16S(Object a, int i) { return at(a, i).i16[i]; }

    public static int getI16U(Object a, int i) { return at(a, i).i16[i] & 0xFFFF; }

    public static int getI(Object a, int i) { return at(a, i).i32[i]; }

    public static float getF(Object a, int i) { return Float.intBitsToFloat(at(a, i).i32[i]); }

    public static long getJ(Object a, int i) { return at(a, i).i64[i]; }

    public static double getD(Object a, int i) { return Double.longBitsToDouble(at(a, i).i64[i]); }

    public static Object getA(Object a, int i) { return at(a, i).refs[i]; }

    // ---- arrays: set (a packed element keeps the low bits) ----

    public static void setI8(Object a, int i, int v) { at(a, i).i8[i] = (byte) v; }

    public static void setI16(Object a, int i, int v) { at(a, i).i16[i] = (short) v; }

    public static void setI(Object a, int i, int v) { at(a, i).i32[i] = v; }

    public static void setF(Object a, int i, float v) { at(a, i).i32[i] = Float.floatToRawIntBits(v); }

    public static void setJ(Object a, int i, long v) { at(a, i).i64[i] = v; }

    public static void setD(Object a, int i, double v) { at(a, i).i64[i] = Double.doubleToRawLongBits(v); }

    public static void setA(Object a, int i, Object v) { at(a, i).refs[i] = v; }

    // ---- arrays: bulk ----

    public static int len(Object a) { return GcOps.array(a).length; }

    public static void fillI(Object a, int d, int v, int n) { GcOps.fill(GcOps.array(a), d, v, 0, null, n); }

    public static void fillJ(Object a, int d, long v, int n) { GcOps.fill(GcOps.array(a), d, v, 0, null, n); }

    public static void fillF(Object a, int d, float v, int n) { GcOps.fill(GcOps.array(a), d, Float.floatToRawIntBits(v), 0, null, n); }

    public static void fillD(Object a, int d, double v, int n) { GcOps.fill(GcOps.array(a), d, Double.doubleToRawLongBits(v), 0, null, n); }

    public static void fillA(Object a, int d, Object v, int n) { GcOps.fill(GcOps.array(a), d, 0, 0, v, n); }

    public static void copy(Object dst, int d, Object src, int s, int n) { GcOps.copy(GcOps.array(dst), d, GcOps.array(src), s, n); }

    public static void initData(Object a, int d, int s, int n, InstanceState inst, int seg) {
        GcOps.initData(GcOps.array(a), d, inst.datas[seg], s, n);
    }

    public static void initElem(Object a, int d, int s, int n, InstanceState inst, int seg) {
        GcOps.initElem(GcOps.array(a), d, inst.elems[seg], s, n);
    }

    // ---- i31, casts, equality ----

    public static Object refI31(int v) { return I31.of(v); }

    public static int i31S(Object o) { return GcOps.i31(o, true); }

    public static int i31U(Object o) { return GcOps.i31(o, false); }

    /** ref.test of an abstract target, whose encoding ({@link GcOps#target}) does not depend on the process. */
    public static int test(Object v, int target) { return GcOps.test(v, target) ? 1 : 0; }

    public static int testDefined(Object v, int nullable, InstanceState inst, int x) {
        return GcOps.test(v, type(inst, x), nullable != 0) ? 1 : 0;
    }

    public static Object cast(Object v, int target) { return GcOps.cast(v, target); }

    public static Object castDefined(Object v, int nullable, InstanceState inst, int x) {
        if (!GcOps.test(v, type(inst, x), nullable != 0)) throw new dev.gatun.runtime.WasmTrap(dev.gatun.runtime.TrapKind.CAST_FAILURE);
        return v;
    }

    public static int eq(Object a, Object b) { return GcOps.eq(a, b) ? 1 : 0; }
}
