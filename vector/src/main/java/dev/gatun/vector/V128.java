package dev.gatun.vector;

/** A v128 value in the register file: two long slots, bytes 0-7 (little-endian) in the first. */
public final class V128 {
    /** Register slots one v128 occupies. */
    public static final int SLOTS = 2;

    private V128() {}
}
