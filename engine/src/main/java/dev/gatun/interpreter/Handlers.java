package dev.gatun.interpreter;

import dev.gatun.runtime.Exn;

/**
 * Tier 1's exception handling: a function's handler table ({@link IrFunction#handlers}) is consulted only when
 * something is thrown, so the normal path pays nothing. An entry covers the words of a {@code try_table} or
 * legacy {@code try} body and says what to do with an exception thrown there: catch it (by tag, or any),
 * or delegate it outward. Entries are in the order their ranges closed, so the innermost come first.
 */
final class Handlers {
    private Handlers() {}

    /** Words per entry. */
    static final int SIZE = 7;
    /** Entry fields: the range (start, end] holds the pc after the throwing instruction's first word. */
    static final int START = 0, END = 1, NEST = 2, TAG = 3, TARGET = 4, DST = 5, EXN_DST = 6;
    /** {@link #TAG} of a catch_all, and of a legacy delegate (whose TARGET is the nest it delegates to). */
    static final int ANY = -1, DELEGATE = -2;

    static final int[] NONE = new int[0];

    /**
     * The pc where a frame handles x thrown at pc (its payload and exnref then in place), or -1 when the
     * exception leaves the frame.
     */
    static int find(IrFunction cc, InstanceState inst, int pc, int fp, Exn x, CallStack m) {
        int[] h = cc.handlers;
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < h.length; i += SIZE) {
            if (pc <= h[i + START] || pc > h[i + END] || h[i + NEST] > limit) continue;
            int tag = h[i + TAG];
            if (tag == DELEGATE) {
                // Only handlers around the delegate's target block still apply.
                limit = h[i + TARGET];
                continue;
            }
            if (tag != ANY && inst.tags[tag] != x.tag) continue;
            int dst = h[i + DST];
            if (dst >= 0) {
                System.arraycopy(x.bits, 0, m.regs, fp + dst, x.bits.length);
                System.arraycopy(x.refs, 0, m.refs, fp + dst, x.refs.length);
            }
            if (h[i + EXN_DST] >= 0) m.refs[fp + h[i + EXN_DST]] = x;
            return h[i + TARGET];
        }
        return -1;
    }

    /**
     * Code that is all returns: after {@link #unwind}, run fetches its next word from here at whatever its pc
     * is, and that return resumes the handler's frame. Grown (under a race, harmlessly) to cover any pc.
     */
    static volatile long[] resumeCode = returns(1024);

    /** {@link #resumeCode}, grown to cover pc. */
    static long[] resumeAt(int pc) {
        if (resumeCode.length <= pc) resumeCode = returns(Math.max(pc + 1, 2 * resumeCode.length));
        return resumeCode;
    }

    private static long[] returns(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, IrOp.word(IrOp.RET0, 0, 0, 0));
        return a;
    }

    /**
     * Unwinds the interpreter frames above baseDepth to the first that handles x. That frame is set up as
     * the one a return goes back to: m.depth one above it, with the handler's pc and the frame's fp as the
     * link (see run's catch block and {@link #resumeCode}, long enough for pc). Returns the register file.
     * Rethrows x when no frame handles it.
     */
    static long[] unwind(CallStack m, int baseDepth, int pc, int fp, Exn x) {
        resumeAt(pc);
        for (int k = m.depth; ; k--) {
            FuncInst fn = m.fns[k];
            int target = find(fn.code(), fn.inst, pc, fp, x, m);
            if (target >= 0) {
                m.depth = k + 1;
                m.links[k + 1] = (long) target << 32 | (fp & 0xFFFF_FFFFL);
                return m.regs;
            }
            if (k == baseDepth) {
                m.depth = k;
                throw x;
            }
            long link = m.links[k];
            pc = (int) (link >>> 32);
            fp = (int) link;
        }
    }
}
