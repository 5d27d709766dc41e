package dev.gatun.interpreter;

/**
 * A translated function body. Frame layout: {@code [params | locals | constants | temporaries]};
 * the constants are copied into the frame at entry so every operand is a register.
 * All fields are final, so an IrFunction published through a plain field is seen fully built.
 */
public final class IrFunction {
    public final long[] code;
    public final long[] consts;
    public final int nParams;      // registers the params take (a v128 takes two)
    public final int nLocals;      // registers params + declared locals take
    public final int frameSize;    // registers the frame uses (callee frames start inside it at call sites)
    final boolean refLocals;
    /** Objects instructions refer to by index (i8x16.shuffle plans). */
    final Object[] pool;
    /** Exception handlers, {@link Handlers#SIZE} ints each (see {@link Handlers}); empty without any. */
    final int[] handlers;
    /** (first word, module byte offset) pairs, ascending: see {@link #wasmOffset}. */
    private final int[] offsets;

    /**
     * On-stack replacement points: pairs of (pc of a loop header, the loop's position in the body, which is how
     * tier 2 names it), for loops entered with an empty operand stack and no params (what {@link Osr} can move).
     */
    final int[] loopHeads;

    static final Object[] NO_POOL = new Object[0];

    /** Module byte offset of the instruction that emitted word {@code pc}, or -1 when unknown. */
    public long wasmOffset(int pc) {
        int lo = 0, hi = offsets.length / 2 - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[2 * mid] <= pc) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return offsets.length == 0 ? -1 : Integer.toUnsignedLong(offsets[1]);
        return Integer.toUnsignedLong(offsets[2 * found + 1]);
    }

    IrFunction(long[] code, long[] consts, int nParams, int nLocals, int frameSize, boolean refLocals, Object[] pool,
               int[] handlers, int[] loopHeads, int[] offsets) {
        this.loopHeads = loopHeads;
        this.pool = pool;
        this.offsets = offsets;
        this.handlers = handlers;
        this.code = code;
        this.consts = consts;
        this.nParams = nParams;
        this.nLocals = nLocals;
        this.frameSize = frameSize;
        this.refLocals = refLocals;
    }
}
