package dev.gatun;

import dev.gatun.interpreter.FuncInst;

/** Test access to the engine object behind an API object, for tests of the internal packages. */
public final class EngineInternals {
    private EngineInternals() {}

    public static FuncInst funcInst(Function f) { return FunctionHandle.inst(f); }
}
