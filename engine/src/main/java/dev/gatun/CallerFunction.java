package dev.gatun;

import dev.gatun.interpreter.FuncInst;

/**
 * A host function that receives a {@link Caller}: not itself callable, it is a recipe the instantiation
 * code turns into one host function per importing instance, bound to that instance's Caller.
 */
record CallerFunction(FunctionType type, HostFunction.WithCaller impl) implements Function {
    @Override
    public Value[] call(Value... args) {
        throw new IllegalStateException("a host function with a Caller runs only when imported by an instance");
    }

    /** The function as {@code caller}'s instance imports it. */
    FuncInst bind(Caller caller) {
        return new FuncInst(type, args -> impl.call(caller, args));
    }
}
