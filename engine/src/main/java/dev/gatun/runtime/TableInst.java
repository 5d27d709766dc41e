package dev.gatun.runtime;

import dev.gatun.model.TableType;
import dev.gatun.model.Limits;

import java.util.Arrays;
import java.util.OptionalLong;

/** A table's storage: funcref elements are {@link FuncInst}s, externref elements any object; null is ref.null. */
public final class TableInst {
    /** The public wrapper, once one exists (so an exported import is the same object). */
    public Object api;
    public final dev.gatun.model.ValType elementType;
    public final long max;          // effective maximum elements
    public final OptionalLong declaredMax;
    /** A table64 table: indexed by i64 (sizes stay below 2^31 here, the Java array limit). */
    public final boolean address64;
    public Object[] elems;
    public int size;

    public TableInst(TableType type, Object init) {
        this.elementType = type.elementType();
        this.declaredMax = type.limits().max();
        this.address64 = type.address64();
        this.max = Math.min(type.limits().max().orElse(0xFFFF_FFFFL), Integer.MAX_VALUE - 8);
        long min = type.limits().min();
        if (min > Integer.MAX_VALUE - 8) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE, "table too large");
        this.size = (int) min;
        this.elems = new Object[size];
        if (init != null) Arrays.fill(elems, init);
    }

    /** The table's current type (its minimum is the current size). */
    public TableType type() {
        return new TableType(elementType, new Limits(size, declaredMax), address64);
    }

    /** table.grow: the old size, or -1 when the table cannot grow by delta. */
    public int grow(long delta, Object init) {
        int old = size;
        long n = old + delta;
        if (delta < 0 || n > max) return -1;
        if (n > elems.length) {
            try {
                elems = Arrays.copyOf(elems, (int) Math.min(max, Math.max(n, Math.min((long) old * 2, n + 1024))));
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        Arrays.fill(elems, old, (int) n, init);
        size = (int) n;
        return old;
    }

    // The table instructions of both tiers. Operands arrive as raw 64-bit values (an i32 sign-extended) and
    // are read by the table's address type; a table64 index at or above 2^63 is negative here: out of bounds.

    /** An operand of address type as an unsigned value. */
    public long index(long raw) { return address64 ? raw : raw & 0xFFFF_FFFFL; }

    /** An element index, checked against the size; {@code kind} is the trap for an index out of bounds. */
    public int checked(long raw, TrapKind kind) {
        long i = index(raw);
        if (i < 0 || i >= size) throw new WasmTrap(kind);
        return (int) i;
    }

    /** table.grow of a raw delta: the old size or -1 (the same bits in either address type). */
    public long growRaw(long rawDelta, Object init) {
        long delta = index(rawDelta);
        return delta < 0 ? -1 : grow(delta, init);
    }

    private static boolean outside(long at, long n, long size) {
        return Long.compareUnsigned(n, size) > 0 || Long.compareUnsigned(at, size - n) > 0;
    }

    /** table.fill: i and n in the table's address type. */
    public void fill(long rawI, Object v, long rawN) {
        long i = index(rawI), n = index(rawN);
        if (outside(i, n, size)) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE);
        Arrays.fill(elems, (int) i, (int) (i + n), v);
    }

    /** table.copy; n is i64 only when both tables are table64. */
    public static void copy(TableInst dt, TableInst st, long rawD, long rawS, long rawN) {
        long d = dt.index(rawD), s = st.index(rawS);
        long n = dt.address64 && st.address64 ? rawN : rawN & 0xFFFF_FFFFL;
        if (outside(s, n, st.size) || outside(d, n, dt.size)) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE);
        System.arraycopy(st.elems, (int) s, dt.elems, (int) d, (int) n);
    }

    /** table.init: d in the table's address type, s and n i32. */
    public void init(Object[] seg, long rawD, long rawS, long rawN) {
        long d = index(rawD), s = rawS & 0xFFFF_FFFFL, n = rawN & 0xFFFF_FFFFL;
        if (s + n > seg.length || outside(d, n, size)) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE);
        System.arraycopy(seg, (int) s, elems, (int) d, (int) n);
    }
}
