package dev.gatun.vector;

/**
 * The immediate operand of one {@code i8x16.shuffle}, prepared once at translation time by
 * {@link I8x16#shufflePlan(byte[])} and passed to {@link I8x16#i8x16_shuffle} on every execution.
 * Immutable; it holds no vector objects, only the validated lane indexes.
 */
public final class ShufflePlan {
    /** 16 indexes, each 0..31: 0..15 pick from the first operand, 16..31 from the second. */
    final byte[] indexes;

    ShufflePlan(byte[] lanes) {
        if (lanes.length != 16) {
            throw new IllegalArgumentException("i8x16.shuffle needs 16 lane indexes, got " + lanes.length);
        }
        for (byte l : lanes) {
            if (l < 0 || l >= 32) {
                throw new IllegalArgumentException("i8x16.shuffle lane index out of range: " + (l & 0xFF));
            }
        }
        this.indexes = lanes.clone();
    }

    /** The lane index for result lane {@code i} (0..15). */
    public int lane(int i) {
        return indexes[i];
    }
}
