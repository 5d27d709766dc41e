package dev.gatun.runtime;

/**
 * A thrown Wasm exception, and the value an {@code exnref} refers to. Both tiers throw it as a Java
 * exception, so catching costs nothing until something is thrown (tier 1 looks up its handler tables,
 * tier 2 code is in JVM exception ranges). Stackless: Wasm code throws it as control flow.
 *
 * <p>The payload is laid out as the interpreter's registers: one slot per value (two for a v128), the
 * numeric bits in {@link #bits} and references in {@link #refs}.
 */
public final class Exn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final TagInst tag;
    public final long[] bits;
    public final Object[] refs;
    /** The public exception, once one exists (so rethrowing through Java keeps identity both ways). */
    public Object api;

    public Exn(TagInst tag, long[] bits, Object[] refs) {
        super(null, null, false, false);
        this.tag = tag;
        this.bits = bits;
        this.refs = refs;
    }

    @Override
    public String getMessage() { return "uncaught Wasm exception"; }
}
