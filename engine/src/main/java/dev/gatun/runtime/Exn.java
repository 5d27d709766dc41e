package dev.gatun.runtime;

import java.util.function.Function;

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

    /**
     * Makes the public form of an exception leaving Wasm for Java. The API installs it (the engine does
     * not know the public exception type); until then an exception leaves as itself.
     */
    public static volatile Function<Exn, RuntimeException> publicForm = e -> e;

    public final TagInst tag;
    public final long[] bits;
    public final Object[] refs;
    /** The public exception, once one exists (so rethrowing through Java keeps identity both ways). */
    public RuntimeException api;

    public Exn(TagInst tag, long[] bits, Object[] refs) {
        super(null, null, false, false);
        this.tag = tag;
        this.bits = bits;
        this.refs = refs;
    }

    /** The internal exception a host function threw, if it threw a Wasm exception (whose cause is one). */
    public static Exn of(Throwable t) {
        return t != null && t.getCause() instanceof Exn x && x.api == t ? x : null;
    }

    @Override
    public String getMessage() { return "uncaught Wasm exception"; }
}
