package dev.gatun.runtime;

import dev.gatun.RuntimeError;

/** A trap raised inside the interpreter; stackless, turned into a {@link RuntimeError} with the Wasm stack at the entry. */
public final class WasmTrap extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final RuntimeError.Trap kind;
    /** Wasm frames already unwound (innermost first): compiled code adds its own as the trap passes. */
    private java.util.List<RuntimeError.Frame> frames;

    public WasmTrap(RuntimeError.Trap kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public WasmTrap(RuntimeError.Trap kind) { this(kind, null); }

    public WasmTrap(RuntimeError.Trap kind, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
    }

    /** Records an unwound frame (the list is capped like the interpreter's stack walk). */
    public void addFrame(RuntimeError.Frame f) {
        if (frames == null) frames = new java.util.ArrayList<>();
        if (frames.size() < 64) frames.add(f);
    }

    /** The frames unwound so far, innermost first. */
    public java.util.List<RuntimeError.Frame> frames() {
        return frames == null ? java.util.List.of() : frames;
    }
}
