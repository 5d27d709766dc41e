package dev.gatun.binary;

import dev.gatun.Module;

import java.util.Objects;

/**
 * Engine-internal bridge between the public {@link Module} and the decoded {@link WasmModule} it
 * wraps, so the model stays out of the public API. This package is not exported from {@code dev.gatun}.
 */
public final class ModuleAccess {
    /** Implemented by {@link Module}, which installs itself when its class initialises. */
    public interface Accessor {
        WasmModule wasm(Module m);

        Module create(WasmModule w);
    }

    private static volatile Accessor accessor;

    private ModuleAccess() {}

    public static void install(Accessor a) {
        if (accessor != null) throw new IllegalStateException("accessor already installed");
        accessor = Objects.requireNonNull(a);
    }

    private static Accessor accessor() {
        Accessor a = accessor;
        if (a == null) {
            // Initialising Module installs the accessor.
            try {
                Class.forName(Module.class.getName(), true, Module.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = accessor;
        }
        return a;
    }

    /** The decoded module behind a public {@link Module}. */
    public static WasmModule wasm(Module m) {
        return accessor().wasm(Objects.requireNonNull(m, "module"));
    }

    /** Wraps an already validated {@link WasmModule}. */
    public static Module create(WasmModule w) {
        return accessor().create(w);
    }
}
