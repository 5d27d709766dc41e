package dev.gatun.conformance;

import dev.gatun.ExportDescriptor;
import dev.gatun.FunctionType;
import dev.gatun.Module;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.util.Map;

/**
 * Gatun through its public API. Compiling needs only the frontend; execution is delegated to an
 * {@link Engine} so it can be switched on by itself (see {@link Targets#gatun()}).
 *
 * @param <I> the engine's instance type
 */
final class GatunTarget<I> implements Target<Module, I> {
    /** The execution half of the target. */
    interface Engine<I> {
        void beginScript();
        I instantiate(Module module, Map<String, I> registered);
        Value[] invoke(I instance, String field, Value[] args);
        Value get(I instance, String field);
        void interrupt(I instance);
        void release(I instance);
    }

    private final Engine<I> engine;

    /** {@code engine} null: compile only, every command that needs execution is skipped. */
    GatunTarget(Engine<I> engine) { this.engine = engine; }

    @Override public Module compile(byte[] bytes) { return WebAssembly.compile(bytes); }

    @Override public boolean canExecute() { return engine != null; }

    @Override public FunctionType exportedFunction(Module module, String name) {
        for (ExportDescriptor e : module.exports())
            if (e.name().equals(name) && e.type() instanceof FunctionType ft) return ft;
        return null;
    }

    @Override public void beginScript() { if (engine != null) engine.beginScript(); }

    @Override public I instantiate(Module module, Map<String, I> registered) { return engine().instantiate(module, registered); }

    @Override public Value[] invoke(I instance, String field, Value[] args) { return engine().invoke(instance, field, args); }

    @Override public Value get(I instance, String field) { return engine().get(instance, field); }

    @Override public void interrupt(I instance) { if (engine != null) engine.interrupt(instance); }

    @Override public void release(I instance) { if (engine != null) engine.release(instance); }

    private Engine<I> engine() {
        if (engine == null) throw new IllegalStateException(Outcome.NO_ENGINE);
        return engine;
    }
}
