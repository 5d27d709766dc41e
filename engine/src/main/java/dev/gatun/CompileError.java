package dev.gatun;

/**
 * A module failed to decode (malformed) or to validate (invalid).
 * {@link #offset()} is the byte offset in the module where the problem was found.
 */
public final class CompileError extends WebAssemblyException {
    /** Whether the bytes could not be decoded, or decoded but are not a valid module. */
    public enum Kind { MALFORMED, INVALID }

    private final Kind kind;
    private final long offset;
    private final String reason;

    public CompileError(Kind kind, long offset, String reason) {
        this(kind, offset, reason, null);
    }

    public CompileError(Kind kind, long offset, String reason, Throwable cause) {
        super(reason + " (at byte offset " + offset + ")", cause);
        this.kind = kind;
        this.offset = offset;
        this.reason = reason;
    }

    public Kind kind() { return kind; }

    /** Byte offset in the module binary. */
    public long offset() { return offset; }

    /** The reason, worded like the spec's reference interpreter (e.g. "type mismatch", "unexpected end"). */
    public String reason() { return reason; }
}
