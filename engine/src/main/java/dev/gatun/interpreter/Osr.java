package dev.gatun.interpreter;

/**
 * On-stack replacement: a call that has run long in the interpreter moves into its function's compiled
 * code at a loop header, once that code is published (TIERED compiles a module while its first long call
 * is still running, and only new calls would use the result otherwise). Checked where the interpreter
 * polls, every {@link Interpreter#BUDGET} back-edges, so it costs nothing per iteration.
 *
 * <p>The compiled entry takes the frame as it is at the header: every local from the registers (the
 * operand stack is empty there, see {@link IrFunction#loopHeads}), runs the rest of the call and leaves
 * its results at fp; the interpreter then returns from the frame. The frame stays on the call stack while
 * compiled code runs, so a trap's Wasm stack names it once (the compiled entry adds no frame of its own).
 */
public final class Osr {
    private Osr() {}

    private static volatile int stressBudget;
    private static final java.util.Random STRESS = new java.util.Random(42);
    private static final java.util.concurrent.atomic.AtomicLong entries = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Test hook: with a positive n, every poll returns a random budget below n, so replacement is tried at
     * random back-edges, and a poll makes the module hot at once (0 restores the normal budget and heat).
     */
    public static void stress(int n) { stressBudget = n; }

    /** How many calls have moved into compiled code (including those that trapped there) in this process (for tests). */
    public static long entries() { return entries.get(); }

    /** The heat a poll adds ({@code ModuleCode.heat}). */
    static int heat() { return stressBudget > 0 ? 1 << 16 : 1; }

    /** The budget after a poll: {@link Interpreter#BUDGET}, or a small random one under the stress hook. */
    static int budget() {
        int s = stressBudget;
        if (s <= 0) return Interpreter.BUDGET;
        synchronized (STRESS) {
            return STRESS.nextInt(s);
        }
    }

    /**
     * At a back-edge to loop header pc of the frame at fp (the top one, running {@code code}): runs the rest
     * of the call in compiled code if it can, leaving the results at fp, and then returns code whose word at
     * pc is a return ({@link Handlers#resumeCode}); else returns {@code code} itself.
     */
    static long[] enter(CallStack m, long[] code, int pc, int fp) {
        return run(m, code, pc, fp) ? Handlers.resumeAt(pc) : code;
    }

    private static boolean run(CallStack m, long[] code, int pc, int fp) {
        FuncInst f = m.fns[m.depth];
        CompiledCode cm = f.cm;
        if (cm == null || f.host != null) return false;
        IrFunction ir = f.code();
        if (ir.code != code) return false;
        int[] heads = ir.loopHeads;
        for (int i = 0; i < heads.length; i += 2) {
            if (heads[i] != pc) continue;
            entries.incrementAndGet();
            int savedTop = m.top;
            // Compiled code makes its calls through frames above this one.
            m.top = fp + ir.frameSize;
            try {
                if (!cm.osr(f.funcidx, heads[i + 1], m, fp, f.inst, m.depth)) {
                    entries.decrementAndGet();
                    return false;
                }
            } finally {
                m.top = savedTop;
            }
            return true;
        }
        return false;
    }
}
