package dev.gatun.runtime;

import dev.gatun.model.DefinedType;

/**
 * A Wasm struct as a Java object the JVM collects: its canonical type (what casts check) and its fields,
 * numbers and vectors as raw bits in {@link #bits}, references in {@link #refs}, at the slots
 * {@link GcLayout} assigns. Only {@link GcOps} makes them, so no Java code outside the engine can forge one.
 */
public final class GcStruct {
    public final DefinedType type;
    public final long[] bits;
    public final Object[] refs;

    GcStruct(DefinedType type, long[] bits, Object[] refs) {
        this.type = type;
        this.bits = bits;
        this.refs = refs;
    }

    @Override
    public String toString() { return "(ref struct)"; }
}
