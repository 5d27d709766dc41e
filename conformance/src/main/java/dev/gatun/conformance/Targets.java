package dev.gatun.conformance;

/** The targets the runner can use. */
public final class Targets {
    private Targets() {}

    /** Gatun itself, through its public API, with as much of it as is built in. */
    public static Target<?, ?> gatun() {
        return new Target<Object, Object>() {
            // Placeholder until the frontend branch (WebAssembly.compile) merges: everything is skipped, nothing passes.
            @Override public boolean canCompile() { return false; }
            @Override public Object compile(byte[] bytes) { throw new IllegalStateException("no decoder"); }
            @Override public boolean canExecute() { return false; }
            @Override public Object instantiate(Object module, java.util.Map<String, Object> registered) { throw new IllegalStateException("no engine"); }
            @Override public dev.gatun.Value[] invoke(Object instance, String field, dev.gatun.Value[] args) { throw new IllegalStateException("no engine"); }
            @Override public dev.gatun.Value get(Object instance, String field) { throw new IllegalStateException("no engine"); }
        };
    }
}
