package dev.gatun;

/**
 * A Wasm function: exported by an instance, or implemented in Java and importable.
 * Safe to call from any thread; a call runs on the calling thread.
 */
public sealed interface Function extends Extern permits FunctionHandle {
    @Override
    FunctionType type();

    /**
     * Calls the function. Arguments must match {@link #type()}'s params in number and type; the result
     * array holds one value per result type (empty for none).
     *
     * @throws RuntimeError on a trap, with the Wasm stack
     */
    Value[] call(Value... args);

    /**
     * This function as a method handle of its natural Java type: {@code i32, i64, f32, f64} are
     * {@code int, long, float, double}, {@code v128} is {@link Value.V128}, {@code funcref} a
     * {@code Function}, {@code externref} an {@code Object}; no result is {@code void}, several a
     * {@code Value[]}. A compiled function with numeric values is called without boxing or allocation.
     * A trap throws {@link RuntimeError}, as {@link #call} does.
     */
    default java.lang.invoke.MethodHandle asMethodHandle() { return TypedCalls.handle(this); }

    /**
     * {@link #asMethodHandle()} adapted to {@code type} as {@link java.lang.invoke.MethodHandle#asType} adapts
     * (so {@code (int,int)long} works for {@code [i32 i32] -> [i64]}).
     *
     * @throws IllegalArgumentException if the function's type cannot be adapted to {@code type}
     */
    default java.lang.invoke.MethodHandle typed(java.lang.invoke.MethodType type) { return TypedCalls.handle(this, type); }

    /**
     * This function as an instance of a functional interface whose single abstract method matches its
     * type, e.g. {@code f.typed(IntBinaryOperator.class).applyAsInt(1, 2)} for {@code [i32 i32] -> [i32]}.
     * The view is made once; its calls are as cheap as {@link #asMethodHandle()}'s.
     *
     * @throws IllegalArgumentException if {@code iface} is not such an interface, or its method does not
     *                                  match the function's type
     */
    default <F> F typed(Class<F> iface) { return TypedCalls.view(this, iface); }

    /** A function implemented in Java, with the Wasm type it is imported at. */
    static Function host(FunctionType type, HostFunction impl) {
        return FunctionHandle.host(type, impl);
    }

    /**
     * A function implemented in Java that receives the instance importing it. Each instance that imports
     * it gets its own binding; calling it directly, outside an instance, throws IllegalStateException.
     */
    static Function host(FunctionType type, HostFunction.WithCaller impl) {
        return FunctionHandle.hostWithCaller(type, impl);
    }
}
