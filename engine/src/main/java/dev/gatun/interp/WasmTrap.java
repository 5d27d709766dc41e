package dev.gatun.interp;

import dev.gatun.RuntimeError;

/** A trap raised inside the interpreter; stackless, turned into a {@link RuntimeError} with the Wasm stack at the entry. */
public final class WasmTrap extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final RuntimeError.Trap kind;

    public WasmTrap(RuntimeError.Trap kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public WasmTrap(RuntimeError.Trap kind) { this(kind, null); }

    public WasmTrap(RuntimeError.Trap kind, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
    }
}
