package dev.gatun.conformance;

import dev.gatun.FunctionType;
import dev.gatun.Value;

import java.util.Map;

/** The targets the runner can use. */
public final class Targets {
    private Targets() {}

    /**
     * Gatun itself, through its public API, with as much of it as is built in.
     * Until the frontend branch (WebAssembly.compile, Module) merges there is nothing to run:
     * then move src/frontend-pending/java/.../GatunTarget.java into src/main/java and return
     * {@code new GatunTarget<>(null)} here; when the engine merges, move GatunExecutor.java likewise and
     * return {@code new GatunTarget<>(new GatunExecutor())}.
     */
    public static Target<?, ?> gatun() {
        return NO_DECODER;
    }

    /** Skips everything: no decoder is built in yet. Never passes a command. */
    private static final Target<Object, Object> NO_DECODER = new Target<>() {
        @Override public boolean canCompile() { return false; }
        @Override public Object compile(byte[] bytes) { throw new IllegalStateException(Outcome.NO_DECODER); }
        @Override public boolean canExecute() { return false; }
        @Override public Object instantiate(Object module, Map<String, Object> registered) { throw new IllegalStateException(Outcome.NO_ENGINE); }
        @Override public Value[] invoke(Object instance, String field, Value[] args) { throw new IllegalStateException(Outcome.NO_ENGINE); }
        @Override public Value get(Object instance, String field) { throw new IllegalStateException(Outcome.NO_ENGINE); }
        @Override public FunctionType exportedFunction(Object module, String name) { return null; }
    };
}
