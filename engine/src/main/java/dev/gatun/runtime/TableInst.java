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
    public Object[] elems;
    public int size;

    public TableInst(TableType type, Object init) {
        this.elementType = type.elementType();
        this.declaredMax = type.limits().max();
        this.max = Math.min(type.limits().max().orElse(0xFFFF_FFFFL), Integer.MAX_VALUE - 8);
        long min = type.limits().min();
        if (min > Integer.MAX_VALUE - 8) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE, "table too large");
        this.size = (int) min;
        this.elems = new Object[size];
        if (init != null) Arrays.fill(elems, init);
    }

    /** The table's current type (its minimum is the current size). */
    public TableType type() {
        return new TableType(elementType, new Limits(size, declaredMax));
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
}
