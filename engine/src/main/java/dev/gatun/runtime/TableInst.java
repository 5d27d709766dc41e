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
    public final long max;          // effective maximum elements: declared, embedder cap, implementation
    public final OptionalLong declaredMax;
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
        this.declaredMax = type.limits().max();
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
        return new TableType(elementType, new Limits(size, declaredMax));
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
}
