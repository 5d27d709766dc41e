package dev.gatun.runtime;

/** A trap raised inside the interpreter; stackless, turned into a public RuntimeError with the Wasm stack at the entry. */
public final class WasmTrap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One unwound Wasm frame: function index and, when the name section has it, its name. */
    public record Frame(int funcidx, String name) {}

    public final TrapKind kind;
    /** Wasm frames already unwound (innermost first): compiled code adds its own as the trap passes. */
    private java.util.List<Frame> frames;

    public WasmTrap(TrapKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public WasmTrap(TrapKind kind) { this(kind, null); }

    public WasmTrap(TrapKind kind, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
    }

    /** Records an unwound frame (the list is capped like the interpreter's stack walk). */
    public void addFrame(Frame f) {
        if (frames == null) frames = new java.util.ArrayList<>();
        if (frames.size() < 64) frames.add(f);
    }

    /** The frames unwound so far, innermost first. */
    public java.util.List<Frame> frames() {
        return frames == null ? java.util.List.of() : frames;
    }
}
