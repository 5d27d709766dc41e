package dev.gatun.interpreter;

/**
 * The generic entry of a module's compiled code (implemented by the generated hidden class): calls
 * compiled function {@code funcidx} with its arguments in the call stack's registers at {@code fp}
 * (the interpreter's frame layout) and leaves its results there.
 */
public interface CompiledCode {
    void invoke(int funcidx, CallStack m, int fp, InstanceState inst, int depth);
}
