package dev.gatun.model;

/**
 * A module that failed to decode (malformed) or to validate (invalid), as the decoder, validator and text
 * format raise it inside the engine; the public API turns it into a {@code CompileFailure} with the same
 * kind, position, reason and message, so the internal packages need not know the API.
 */
public final class CompileFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the bytes could not be decoded, or decoded but are not a valid module. */
    public enum Kind { MALFORMED, INVALID }

    public final Kind kind;
    /** Byte offset in the module binary; -1 for an error in a text. */
    public final long offset;
    public final String reason;
    /** Line and column in the text (from 1); 0 for an error in a binary. */
    public final int line, column;

    public CompileFailure(Kind kind, long offset, String reason) {
        this(kind, offset, reason, null);
    }

    public CompileFailure(Kind kind, long offset, String reason, Throwable cause) {
        super(reason + " (at byte offset " + offset + ")", cause);
        this.kind = kind;
        this.offset = offset;
        this.reason = reason;
        this.line = 0;
        this.column = 0;
    }

    /** An error in the text format at {@code line:column} (both from 1). */
    public CompileFailure(Kind kind, int line, int column, String reason) {
        super(line + ":" + column + ": " + reason, null);
        this.kind = kind;
        this.offset = -1;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }
}
