package dev.gatun;

import java.util.Locale;

/**
 * How a module's functions are executed. Chosen per {@link Module} at compile time
 * ({@link WebAssembly#compile(byte[], Tier)}); the default comes from the system property
 * {@code gatun.tier} ({@code interpreter}, {@code compiler} or {@code tiered}).
 */
public enum Tier {
    /** The register interpreter only: no code generation, fastest to start. */
    INTERPRETER,
    /**
     * Every function that can be compiled is compiled to JVM bytecode (hidden classes, shared by all
     * instances of the module) when the module is first instantiated; the rest (bodies over the JIT size limit)
     * run in the interpreter.
     */
    COMPILER,
    /**
     * Start in the interpreter and compile the module in the background once it is hot (work counted in
     * the interpreter); calls from the host and the interpreter pick up compiled code once it is published.
     */
    TIERED;

    /** The tier named by {@code gatun.tier}, or the default ({@link #TIERED}) when it is unset or unknown. */
    public static Tier fromProperty() {
        String s = System.getProperty("gatun.tier");
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "interpreter": return INTERPRETER;
                case "compiler": return COMPILER;
                case "tiered": return TIERED;
                default: break;
            }
        }
        return TIERED;
    }
}
