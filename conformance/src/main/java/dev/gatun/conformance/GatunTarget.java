package dev.gatun.conformance;

import dev.gatun.ExportDescriptor;
import dev.gatun.FunctionType;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.WasmVersion;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.util.Map;

/**
 * Gatun through its public API: compiling here, instantiation and calls in an {@link Engine}.
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
    private final Tier tier;
    private final WasmVersion version;

    GatunTarget(Engine<I> engine, Tier tier, WasmVersion version) {
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
        this.tier = java.util.Objects.requireNonNull(tier, "tier");
        this.version = java.util.Objects.requireNonNull(version, "version");
    }

    @Override public Module compile(byte[] bytes) { return WebAssembly.compile(bytes, tier, version); }

    @Override public FunctionType exportedFunction(Module module, String name) {
        for (ExportDescriptor e : module.exports())
            if (e.name().equals(name) && e.type() instanceof FunctionType ft) return ft;
        return null;
    }

    @Override public void beginScript() { engine.beginScript(); }

    @Override public I instantiate(Module module, Map<String, I> registered) { return engine.instantiate(module, registered); }

    @Override public Value[] invoke(I instance, String field, Value[] args) { return engine.invoke(instance, field, args); }

    @Override public Value get(I instance, String field) { return engine.get(instance, field); }

    @Override public void interrupt(I instance) { engine.interrupt(instance); }

    @Override public void release(I instance) { engine.release(instance); }
}
