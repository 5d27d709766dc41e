package dev.gatun.runtime;

import dev.gatun.model.DefinedType;

/**
 * A Wasm array as a Java object the JVM collects: its canonical type and one compact Java array by element
 * storage ({@code i8} a {@code byte[]}, {@code i16} a {@code short[]}, {@code i32}/{@code f32} bits an
 * {@code int[]}, {@code i64}/{@code f64} bits a {@code long[]}, {@code v128} two longs per element,
 * references an {@code Object[]}); the others are null. Only {@link GcOps} makes them.
 */
public final class GcArray {
    public final DefinedType type;
    public final int length;
    public final byte[] i8;
    public final short[] i16;
    public final int[] i32;
    public final long[] i64;
    public final Object[] refs;

    GcArray(DefinedType type, int length, byte[] i8, short[] i16, int[] i32, long[] i64, Object[] refs) {
        this.type = type;
        this.length = length;
        this.i8 = i8;
        this.i16 = i16;
        this.i32 = i32;
        this.i64 = i64;
        this.refs = refs;
    }

    @Override
    public String toString() { return "(ref array)"; }
}
