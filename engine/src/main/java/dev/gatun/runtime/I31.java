package dev.gatun.runtime;

/**
 * An {@code i31ref}: a 31-bit integer as a reference. Equal values are {@code ref.eq}; small ones are
 * shared so the common case allocates nothing.
 */
public final class I31 {
    private static final I31[] SMALL = new I31[1024 + 128];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new I31(i - 128);
    }

    /** The value, sign-extended from 31 bits. */
    public final int value;

    private I31(int value) { this.value = value; }

    /** {@code ref.i31}: the low 31 bits of {@code v}. */
    public static I31 of(int v) {
        int x = v << 1 >> 1;
        return x >= -128 && x < 1024 ? SMALL[x + 128] : new I31(x);
    }

    @Override
    public boolean equals(Object o) { return o instanceof I31 i && i.value == value; }

    @Override
    public int hashCode() { return value; }

    @Override
    public String toString() { return "(ref.i31 " + value + ")"; }
}
