package dev.gatun.interpreter;

/**
 * The generic entry of a module's compiled code (implemented by the generated hidden class): calls
 * compiled function {@code funcidx} with its arguments in the call stack's registers at {@code fp}
 * (the interpreter's frame layout) and leaves its results there.
 */
public interface CompiledCode {
    void invoke(int funcidx, CallStack m, int fp, InstanceState inst, int depth);

    /**
     * As {@link #invoke}, but a function that makes tail calls to other functions runs without its
     * trampoline: it may return with a tail call pending in {@code m.tail} (for {@link Interpreter#drain}).
     */
    void invokeTail(int funcidx, CallStack m, int fp, InstanceState inst, int depth);

    /**
     * On-stack replacement ({@link Osr}): continues the interpreted call of {@code funcidx} whose frame is at
     * {@code fp}, at the header of the loop at body position {@code loop}, with the frame's locals; leaves the
     * call's results at fp and returns true, or returns false at once when that loop has no compiled entry.
     */
    boolean osr(int funcidx, int loop, CallStack m, int fp, InstanceState inst, int depth);
}
