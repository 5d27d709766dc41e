package dev.gatun;

/**
 * A module failed to decode (malformed) or to validate (invalid).
 * {@link #offset()} is the byte offset in the module where the problem was found; for a module in the
 * text format, {@link #line()} and {@link #column()} say where in the text (the offset is then -1).
 */
public final class CompileError extends WebAssemblyException {
    /**
     * Whether the bytes could not be decoded, decoded but are not a valid module, or are a valid module
     * this JVM cannot run as configured (SIMD without the Vector API module: the message names the flag), or
     * a valid module with a function tier 2 cannot compile, under strict compilation ({@link CompileOptions}).
     */
    public enum Kind { MALFORMED, INVALID, UNSUPPORTED, UNCOMPILABLE }

    private final Kind kind;
    private final long offset;
    private final String reason;
    private final int line, column;

    public CompileError(Kind kind, long offset, String reason) {
        this(kind, offset, reason, null);
    }

    public CompileError(Kind kind, long offset, String reason, Throwable cause) {
        super(offset < 0 ? reason : reason + " (at byte offset " + offset + ")", cause);
        this.kind = kind;
        this.offset = offset;
        this.reason = reason;
        this.line = 0;
        this.column = 0;
    }

    /** An error in the text format at {@code line:column} (both from 1). */
    public CompileError(Kind kind, int line, int column, String reason) {
        super(line + ":" + column + ": " + reason, null);
        this.kind = kind;
        this.offset = -1;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** The public form of a failure raised inside the engine: same kind, position, reason and message. */
    static CompileError of(dev.gatun.model.CompileFailure f) {
        Kind k = f.kind == dev.gatun.model.CompileFailure.Kind.MALFORMED ? Kind.MALFORMED : Kind.INVALID;
        CompileError e = f.line > 0 ? new CompileError(k, f.line, f.column, f.reason) : new CompileError(k, f.offset, f.reason, f.getCause());
        e.setStackTrace(f.getStackTrace());
        return e;
    }

    public Kind kind() { return kind; }

    /** Byte offset in the module binary; -1 when the error is about no particular byte. */
    public long offset() { return offset; }

    /** The reason, worded like the spec's reference interpreter (e.g. "type mismatch", "unexpected end"). */
    public String reason() { return reason; }

    /** Line in the text the error is about, from 1; 0 for an error in a binary. */
    public int line() { return line; }

    /** Column in the text the error is about, from 1; 0 for an error in a binary. */
    public int column() { return column; }
}
