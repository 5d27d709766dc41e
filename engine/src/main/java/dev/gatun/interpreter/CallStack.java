package dev.gatun.interpreter;

import dev.gatun.runtime.TrapKind;
import dev.gatun.runtime.WasmTrap;

import java.util.Arrays;

/**
 * Per-thread execution state: the register file (a {@code long[]} plus a parallel {@code Object[]} for
 * references) and the explicit call stack. Wasm-to-Wasm calls never recurse on the Java stack; a host
 * function calling back into Wasm does, and is counted against the same depth limit.
 */
public final class CallStack {
    public static final int DEFAULT_MAX_DEPTH = 10_000;
    /** The call depth limit of every thread (-Dgatun.maxCallDepth). */
    public static final int MAX_DEPTH = Integer.getInteger("gatun.maxCallDepth", DEFAULT_MAX_DEPTH);
    static final int DEFAULT_MAX_SLOTS = 8 << 20;

    private static final ThreadLocal<CallStack> CURRENT = ThreadLocal.withInitial(CallStack::new);

    public static CallStack current() { return CURRENT.get(); }

    public final int maxDepth = Integer.getInteger("gatun.maxCallDepth", DEFAULT_MAX_DEPTH);
    final int maxSlots = Integer.getInteger("gatun.maxStackSlots", DEFAULT_MAX_SLOTS);

    public long[] regs = new long[4096];
    public Object[] refs = new Object[4096];
    public int top;            // first free register (where a host-to-Wasm entry puts its frame)
    public int depth;          // current frame index in the stacks below
    public final FuncInst[] fns;
    final long[] links; // frame k's return link: caller's resume pc << 32 | caller's fp
    /**
     * A tail call a returning frame left for the trampoline ({@link Interpreter#drain}) of whoever called
     * it, its arguments in registers at {@code tailFp}; null when none is pending.
     */
    /** On-stack replacement: the frame and loop a compiled entry starts from (set just before the call). */
    public int osrFp, osrLoop;
    public FuncInst tail;
    public int tailFp;

    CallStack() {
        fns = new FuncInst[maxDepth + 2];
        links = new long[maxDepth + 2];
    }

    /** Function prologue: room for the frame, zeroed locals, constants in place. Returns the register file. */
    long[] enter(IrFunction cc, int fp) {
        int end = fp + cc.frameSize;
        if (end > regs.length) grow(end);
        long[] r = regs;
        for (int i = fp + cc.nParams, e = fp + cc.nLocals; i < e; i++) r[i] = 0L;
        long[] k = cc.consts;
        int base = fp + cc.nLocals;
        // Small constant pools (the common case) are cheaper to copy inline than through arraycopy.
        if (k.length <= 8) for (int i = 0; i < k.length; i++) r[base + i] = k[i];
        else System.arraycopy(k, 0, r, base, k.length);
        if (cc.refLocals) Arrays.fill(refs, fp + cc.nParams, fp + cc.nLocals, null);
        return r;
    }

    public void ensure(int end) {
        if (end > regs.length) grow(end);
    }

    private void grow(int end) {
        if (end > maxSlots) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED, "value stack exhausted");
        int n = (int) Math.min(maxSlots, Math.max((long) end + 1024, (long) regs.length * 2));
        regs = Arrays.copyOf(regs, n);
        refs = Arrays.copyOf(refs, n);
    }
}
