package dev.gatun;

import dev.gatun.runtime.TableInst;
import dev.gatun.runtime.WasmTrap;

import java.util.Objects;

/**
 * A table of references ({@code funcref} or {@code externref}), created by Java code or exported by an
 * instance. Indices out of range throw a {@link RuntimeError} ("out of bounds table access").
 * Not synchronised: share a table between threads only with external synchronisation.
 */
public final class Table implements Extern {
    final TableInst inst;

    /**
     * A table of {@code type.limits().min()} elements, each {@code init} (which must match the element type).
     *
     * @throws RuntimeError RESOURCE_EXHAUSTED if that many elements exceed what the process may hold
     */
    public Table(TableType type, Value init) {
        Objects.requireNonNull(type, "type");
        if (init == null) init = Value.zero(type.elementType());
        if (init.type() != type.elementType()) throw new IllegalArgumentException("init must be " + type.elementType() + ", got " + init);
        try {
            this.inst = new TableInst(ApiTypes.model(type), Marshalling.ref(init));
        } catch (WasmTrap e) {
            // Too large for the engine or the process-wide budget: the API's error, not the engine's.
            throw new RuntimeError(RuntimeError.Trap.valueOf(e.kind.name()), e.getMessage(), java.util.List.of(), null);
        }
        inst.api = this;
    }

    Table(TableInst inst) {
        this.inst = inst;
        inst.api = this;
    }

    static Table of(TableInst inst) {
        return inst.api instanceof Table t ? t : new Table(inst);
    }

    /** The current type: the declared maximum, with the current size as minimum. */
    @Override
    public TableType type() { return ApiTypes.api(inst.type()); }

    public long size() { return inst.size; }

    public Value get(long index) {
        check(index);
        return Marshalling.toValue(elementType(), 0, 0, inst.elems[(int) index]);
    }

    public void set(long index, Value value) {
        check(index);
        if (!Marshalling.matches(inst.element, value))
            throw new IllegalArgumentException("value must be " + inst.element + ", got " + value);
        inst.elems[(int) index] = Marshalling.ref(value);
    }

    /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1 if it cannot grow. */
    public long grow(long delta, Value init) {
        ValType et = elementType();
        if (init == null) init = Value.zero(et);
        if (!Marshalling.matches(inst.element, init))
            throw new IllegalArgumentException("init must be " + inst.element + ", got " + init);
        return inst.grow(delta, Marshalling.ref(init));
    }

    private ValType elementType() { return ApiTypes.api(inst.elementType); }

    private void check(long index) {
        if (index < 0 || index >= inst.size) {
            throw new RuntimeError(RuntimeError.Trap.OUT_OF_BOUNDS_TABLE, "index " + index + ", size " + inst.size, java.util.List.of(), null);
        }
    }

    @Override
    public String toString() { return "Table[" + type() + "]"; }
}
