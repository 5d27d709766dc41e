package dev.gatun.runtime;

/** A trap raised inside the engine; stackless, turned into a public RuntimeError with the Wasm stack at the API entry. */
public final class WasmTrap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One unwound Wasm frame: function index, its name when the name section has it, and the module byte
     * offset of the instruction it stopped at (the trapping one, or its call), -1 when unknown.
     */
    public record Frame(int funcidx, String name, long offset) {}

    public final TrapKind kind;
    /**
     * The API's own error a host function threw (it already carries its stack): it crosses the Wasm frames
     * inside this trap, and the API rethrows it unchanged. Null for the engine's traps.
     */
    public final RuntimeException passThrough;
    /** Wasm frames already unwound (innermost first): compiled code adds its own as the trap passes. */
    private java.util.List<Frame> frames;

    public WasmTrap(TrapKind kind, String detail) {
        this(kind, detail, null);
    }

    public WasmTrap(TrapKind kind) { this(kind, null); }

    public WasmTrap(TrapKind kind, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.passThrough = null;
    }

    private WasmTrap(RuntimeException passThrough) {
        super(null, passThrough, false, false);
        this.kind = TrapKind.HOST;
        this.passThrough = passThrough;
    }

    /** Carries an error of the API's own through the engine, to be rethrown as is (see {@link #passThrough}). */
    public static WasmTrap passThrough(RuntimeException e) { return new WasmTrap(e); }

    /**
     * The code offset compiled code entered by on-stack replacement stopped at: that frame is the
     * interpreter's, which adds it (taking this offset) when the trap leaves the interpreter; -1 when none.
     */
    private long replacedFrameOffset = -1;

    /**
     * Records compiled code's frame; a negative funcidx marks code entered by on-stack replacement, whose
     * frame the interpreter adds with this offset.
     */
    public void addFrame(int funcidx, String name, long offset) {
        if (funcidx < 0) replacedFrameOffset = offset;
        else addFrame(new Frame(funcidx, name, offset));
    }

    /** Takes the offset a replaced frame stopped at (see {@link #addFrame(int, String, long)}), or -1. */
    public long takeReplacedFrameOffset() {
        long o = replacedFrameOffset;
        replacedFrameOffset = -1;
        return o;
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
