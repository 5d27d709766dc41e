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

    /**
     * On-stack replacement points: pairs of (pc of a loop header, the loop's position in the body, which is how
     * tier 2 names it), for loops entered with an empty operand stack and no params (what {@link Osr} can move).
     */
    final int[] loopHeads;

    static final Object[] NO_POOL = new Object[0];

    IrFunction(long[] code, long[] consts, int nParams, int nLocals, int frameSize, boolean refLocals, Object[] pool,
               int[] handlers, int[] loopHeads) {
        this.loopHeads = loopHeads;
        this.pool = pool;
        this.handlers = handlers;
        this.code = code;
        this.consts = consts;
        this.nParams = nParams;
        this.nLocals = nLocals;
        this.frameSize = frameSize;
        this.refLocals = refLocals;
    }
}
