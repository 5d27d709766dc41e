package dev.gatun;

/**
 * A function implemented in Java and imported by a module. Arguments arrive in the order of the
 * declared {@link FunctionType}'s params; the returned array must match its results (an empty array,
 * or null, for none). Anything it throws surfaces to the Wasm caller's caller as a {@link RuntimeError}
 * (trap kind HOST) with the exception as cause; a RuntimeError it throws propagates as is.
 */
@FunctionalInterface
public interface HostFunction {
    Value[] call(Value... args);

    /**
     * A host function that also receives the {@link Caller}: the instance that imported it, for its
     * memory and exports (so a host function needs no holder assigned after instantiation). Import it
     * with {@link Imports.Builder#function(String, String, FunctionType, WithCaller)} or
     * {@link Function#host(FunctionType, WithCaller)}.
     */
    @FunctionalInterface
    interface WithCaller {
        Value[] call(Caller caller, Value... args);
    }
}
