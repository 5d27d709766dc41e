package dev.gatun.runtime;

import dev.gatun.model.TableType;
import dev.gatun.model.Limits;

import java.util.Arrays;
import java.util.OptionalLong;

/** A table's storage: funcref elements are {@link FuncInst}s, externref elements any object; null is ref.null. */
public final class TableInst {
    /** Most elements a table can hold here (a Java array). */
    static final long IMPL_MAX = Integer.MAX_VALUE - 8;

    /** The public wrapper, once one exists (so an exported import is the same object). */
    public Object api;
    public final dev.gatun.model.ValType elementType;
    /** The full element type (typed references), which linking compares. */
    public final dev.gatun.model.ValueType element;
    public final long max;          // effective maximum elements: declared, embedder cap, implementation
    public final OptionalLong declaredMax;
    /** A table64 table: indexed by i64 (sizes stay below 2^31 here, the Java array limit). */
    public final boolean address64;
    /** Asked before each table.grow the module executes, or null. */
    public GrowLimiter limiter;
    private final TableBudget.Share share;
    public Object[] elems;
    public int size;

    public TableInst(TableType type, Object init) { this(type, init, -1); }

    /**
     * A table of the type's minimum size, never larger than {@code cap} elements (-1: no cap).
     *
     * @throws WasmTrap LIMIT_EXCEEDED when the minimum exceeds the cap, RESOURCE_EXHAUSTED when it exceeds
     *                  what the engine or the process-wide budget can hold
     */
    public TableInst(TableType type, Object init, long cap) {
        this.elementType = type.elementType();
        this.element = type.element();
        this.declaredMax = type.limits().max();
        this.address64 = type.address64();
        long m = Math.min(type.limits().max().orElse(0xFFFF_FFFFL), IMPL_MAX);
        this.max = cap >= 0 ? Math.min(m, cap) : m;
        long min = type.limits().min();
        if (cap >= 0 && min > cap) {
            throw new WasmTrap(TrapKind.LIMIT_EXCEEDED, "table of " + min + " elements exceeds the cap of " + cap);
        }
        if (min > IMPL_MAX) throw new WasmTrap(TrapKind.RESOURCE_EXHAUSTED, "table of " + min + " elements is too large");
        this.share = TableBudget.register(this);
        if (!share.take(min)) throw budgetExhausted(min);
        this.size = (int) min;
        try {
            this.elems = new Object[size];
        } catch (OutOfMemoryError e) {
            throw new WasmTrap(TrapKind.RESOURCE_EXHAUSTED, "no heap for a table of " + min + " elements");
        }
        if (init != null) Arrays.fill(elems, init);
    }

    private static WasmTrap budgetExhausted(long n) {
        return new WasmTrap(TrapKind.RESOURCE_EXHAUSTED, n + " more table elements exceed the process-wide budget of "
                + TableBudget.MAX + " (gatun.maxTableElements)");
    }

    /** The table's current type (its minimum is the current size). */
    public TableType type() {
        return new TableType(elementType, new Limits(size, declaredMax), address64);
    }

    /** table.grow by the module's code: asks the limiter first. */
    public int growByCode(long delta, Object init) {
        GrowLimiter l = limiter;
        if (l != null && delta >= 0 && !l.allow(size, size + delta, max)) return -1;
        return grow(delta, init);
    }

    /** table.grow: the old size, or -1 when the table cannot grow by delta. */
    public int grow(long delta, Object init) {
        int old = size;
        long n = old + delta;
        if (delta < 0 || n > max) return -1;
        if (n > elems.length) {
            long cap = Math.min(max, Math.max(n, Math.min((long) old * 2, n + 1024)));
            if (!share.take(cap - elems.length)) {
                cap = n;   // no room to over-allocate: try the exact size
                if (!share.take(cap - elems.length)) return -1;
            }
            try {
                elems = Arrays.copyOf(elems, (int) cap);
            } catch (OutOfMemoryError e) {
                share.take(-(cap - elems.length));
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
        return delta < 0 ? -1 : growByCode(delta, init);
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
